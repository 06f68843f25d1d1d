import type Database from 'better-sqlite3';
import { defaultOfficeHours } from '../../shared/calendar/office-hours';
import { dayMs, dayName, ZoneTime } from '../calendar/zone-time';

/** The SQL name: `automation_office_day(ms, <the office.timeZone setting's stored value>)`. */
export const officeDayFunctionName = 'automation_office_day';

const zones = new Map<string, ZoneTime | null>();

/** A zone's clock, or null for a name Intl does not know (the setting then falls back, as officeTimeZoneOf does). */
function zoneOf(name: string): ZoneTime | null {
  let zone = zones.get(name);
  if (zone === undefined) {
    try {
      zone = new ZoneTime(name);
    } catch {
      zone = null;
    }
    zones.set(name, zone);
  }
  return zone;
}

/** The zone a stored `office.timeZone` value names: its JSON string when Intl knows it, else the default (Asia/Riyadh). */
export function zoneOfSetting(stored: string | null): string {
  if (stored !== null) {
    try {
      const value: unknown = JSON.parse(stored);
      if (typeof value === 'string' && value.length > 0 && zoneOf(value)) return value;
    } catch {
      // Not JSON: the default, as for a missing setting.
    }
  }
  return defaultOfficeHours.timeZone;
}

/** The office day (YYYY-MM-DD) holding `ms` in `zone`: what OfficeCalendar.officeDay answers, without the calendar. */
export function officeDayIn(ms: number, zone: string): string {
  return dayName(zoneOf(zone)!.wall(ms).day);
}

/**
 * The office day holding `ms` in `zone`, with the instants it runs over [start, end) when the
 * zone's offset is the same all day (every day but a change of clocks' own): any instant in them
 * is on that day, so a caller can answer the next messages of the day without the zone. A day
 * whose offset changes comes back as [ms, ms + 1), so each of its instants is worked out.
 */
export function officeDayAround(ms: number, zone: string): { day: string; start: number; end: number } {
  const time = zoneOf(zone)!;
  const offset = time.offsetAt(ms);
  const day = Math.floor((ms + offset) / dayMs);
  const start = day * dayMs - offset;
  const end = start + dayMs;
  // Offsets change at most once in two days (ZoneTime.instant): the same offset at both ends holds throughout.
  if (time.offsetAt(start) === offset && time.offsetAt(end - 1) === offset) return { day: dayName(day), start, end };
  return { day: dayName(time.wall(ms).day), start: ms, end: ms + 1 };
}

/**
 * Registers the office-day function the automation rollup's SQLite triggers call (migration
 * 0033). It is given the setting's stored value rather than keeping a zone of its own, so a
 * trigger always buckets by the zone the settings hold at that instant, and the function needs
 * no state to refresh. Registered on every connection the core opens, before its migrations.
 */
export function registerOfficeDayFunction(sqlite: Database.Database): void {
  // The last answer, kept: a batch of jobs ends at one instant, and reading a zone's wall clock
  // costs more than the row's own write (issue 15's 10,000 due jobs).
  let last: { ms: number; stored: unknown; day: string } | null = null;
  sqlite.function(officeDayFunctionName, { deterministic: true }, (ms: unknown, stored: unknown) => {
    if (typeof ms !== 'number' && typeof ms !== 'bigint') return null;
    const at = Number(ms);
    if (last && last.ms === at && last.stored === stored) return last.day;
    const day = officeDayIn(at, zoneOfSetting(typeof stored === 'string' ? stored : null));
    last = { ms: at, stored, day };
    return day;
  });
}
