import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { defaultOfficeHours, officeHoursSchema } from '../../../shared/calendar/office-hours';
import { officeDisplaySchema, officeProfileSchema, officeWeekSchema } from '../../../shared/office/schemas';
import type { OfficeDisplaySettings, OfficeProfile, OfficeSettings, OfficeWeek } from '../../../shared/office/types';
import { officeTimeZoneOf } from '../../base/office-day';
import { officeHoursKey } from '../../calendar/office-calendar-setting';

/**
 * Where Settings → Office lives in the settings table. The week and the zone stay under the keys
 * the office calendar reads (`office.hours`, `office.timeZone`), so every feature sees a change
 * at its next question; the rest has a key per section.
 */
export const officeKeys = {
  hours: officeHoursKey,
  timeZone: 'office.timeZone',
  profile: 'office.profile',
  display: 'office.display',
  responseTarget: 'office.responseTarget',
} as const;

export const defaultOfficeProfile: OfficeProfile = { legalNameAr: '', legalNameEn: '', crNumber: '', falLicenceNumber: '', nationalAddress: '', phone: '' };
export const defaultOfficeDisplay: OfficeDisplaySettings = { digits: 'latn', calendar: 'gregory' };
/** A customer should hear back within the hour. */
export const defaultResponseTargetMinutes = 60;

/** Read as the office calendar reads it (office-calendar-setting.ts), so both see the same week. */
const storedWeek = officeHoursSchema.omit({ timeZone: true });
const storedTarget = officeWeekSchema.shape.responseTargetMinutes;

/** Reads and writes the office's settings; a stored value that no longer validates reads as the default. */
export class OfficeSettingsStore {
  private readonly q;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly now: () => number,
  ) {
    this.q = {
      read: sqlite.prepare<[string], { value: string }>('select value from settings where key = ?'),
      write: sqlite.prepare<[string, string, number]>(
        'insert into settings (key, value, updated_at) values (?, ?, ?) on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at',
      ),
    };
  }

  read(): OfficeSettings {
    const week = this.parsed(officeKeys.hours, storedWeek) ?? { workingDays: defaultOfficeHours.workingDays, shifts: defaultOfficeHours.shifts, holidays: defaultOfficeHours.holidays };
    const hours: OfficeWeek = {
      timeZone: officeTimeZoneOf(this.sqlite),
      workingDays: week.workingDays,
      shifts: week.shifts,
      holidays: week.holidays.map((h) => ({ from: h.from, to: h.to, name: h.name })),
      responseTargetMinutes: this.parsed(officeKeys.responseTarget, storedTarget) ?? defaultResponseTargetMinutes,
    };
    return {
      profile: { ...defaultOfficeProfile, ...this.parsed(officeKeys.profile, officeProfileSchema) },
      hours,
      display: this.parsed(officeKeys.display, officeDisplaySchema) ?? defaultOfficeDisplay,
    };
  }

  writeProfile(profile: OfficeProfile): void {
    this.write(officeKeys.profile, profile);
  }

  writeHours(hours: OfficeWeek): void {
    this.write(officeKeys.hours, { workingDays: hours.workingDays, shifts: hours.shifts, holidays: hours.holidays });
    this.write(officeKeys.timeZone, hours.timeZone);
    this.write(officeKeys.responseTarget, hours.responseTargetMinutes);
  }

  writeDisplay(display: OfficeDisplaySettings): void {
    this.write(officeKeys.display, display);
  }

  private write(key: string, value: unknown): void {
    this.q.write.run(key, JSON.stringify(value), this.now());
  }

  private parsed<S extends z.ZodType>(key: string, schema: S): z.output<S> | null {
    const raw = this.q.read.get(key)?.value;
    if (raw === undefined) return null;
    try {
      const result = schema.safeParse(JSON.parse(raw));
      return result.success ? result.data : null;
    } catch {
      return null;
    }
  }
}

/** The display choice alone, for a caller outside the office service (the property card's digits). */
export function storedOfficeDisplay(sqlite: Database.Database): OfficeDisplaySettings {
  const raw = sqlite.prepare<[string], { value: string }>('select value from settings where key = ?').get(officeKeys.display)?.value;
  if (raw === undefined) return defaultOfficeDisplay;
  try {
    const parsed = officeDisplaySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : defaultOfficeDisplay;
  } catch {
    return defaultOfficeDisplay;
  }
}
