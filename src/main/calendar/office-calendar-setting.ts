import type Database from 'better-sqlite3';
import { z } from 'zod';
import { defaultOfficeHours, officeHoursSchema } from '../../shared/calendar/office-hours';
import { officeTimeZoneOf } from '../base/office-day';
import { OfficeCalendar } from './office-calendar';

/** Settings key of the office's week (working days, shifts, holidays); the zone stays under `office.timeZone`. */
export const officeHoursKey = 'office.hours';

const storedWeek = officeHoursSchema.omit({ timeZone: true });
const cache = new WeakMap<Database.Database, { raw: string | undefined; timeZone: string; calendar: OfficeCalendar }>();

/**
 * The office's calendar as its settings say now. Built again only when the stored week or zone
 * changes, so hot paths (a quota check per send) can ask for it every time. A stored week that
 * no longer validates falls back to the default week rather than closing the office.
 */
export function officeCalendarOf(sqlite: Database.Database): OfficeCalendar {
  const timeZone = officeTimeZoneOf(sqlite);
  const raw = sqlite.prepare<[string], { value: string }>('select value from settings where key = ?').get(officeHoursKey)?.value;
  const cached = cache.get(sqlite);
  if (cached && cached.raw === raw && cached.timeZone === timeZone) return cached.calendar;
  const calendar = new OfficeCalendar({ ...readWeek(raw), timeZone });
  cache.set(sqlite, { raw, timeZone, calendar });
  return calendar;
}

function readWeek(raw: string | undefined): z.infer<typeof storedWeek> {
  if (raw === undefined) return defaultOfficeHours;
  try {
    const parsed = storedWeek.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : defaultOfficeHours;
  } catch {
    return defaultOfficeHours;
  }
}
