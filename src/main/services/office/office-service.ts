import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { officeUpdateInput } from '../../../shared/office/schemas';
import type { OfficeDisplay, OfficeSettings, OfficeStatus } from '../../../shared/office/types';
import { toIso, type Clock } from '../../base/clock';
import { normalizePhone } from '../../base/phone';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import type { EventBus } from '../../events/event-bus';
import { fieldError } from '../../rpc/app-error';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import { officeChanges } from './office-changes';
import { OfficeSettingsStore } from './office-settings-store';

/** What cuts office days and office hours; the response target and the rest are read when asked. */
const calendarFields = new Set(['hours.timeZone', 'hours.workingDays', 'hours.shifts', 'hours.holidays']);

/**
 * Settings → Office: the office's registration, its week (zone, working days, split shifts,
 * holidays, response target) and how dates and digits are shown. Admins change it; every change
 * is in the activity log with what it was and what it became, and every open window hears of it.
 */
export class OfficeService {
  private readonly store: OfficeSettingsStore;
  /** The zone or the week changed, inside the settings write's transaction: figures cut by them are stale (the dashboard rebuilds them). */
  calendarChanged: (() => void) | null = null;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly activity: ActivityLog,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {
    this.store = new OfficeSettingsStore(sqlite, () => clock.now());
  }

  settings(): OfficeSettings {
    return this.store.read();
  }

  display(): OfficeDisplay {
    return displayOf(this.store.read());
  }

  /** The schema has checked every field; the phone is the one thing only the core can check (its number plan). Nothing is written unless all of it is valid. */
  update(caller: Caller, input: z.output<typeof officeUpdateInput>): OfficeSettings {
    const before = this.store.read();
    const after: OfficeSettings = {
      profile: input.profile ? { ...input.profile, phone: phoneOf(input.profile.phone) } : before.profile,
      hours: input.hours ?? before.hours,
      display: input.display ?? before.display,
    };
    const changes = officeChanges(before, after);
    if (changes.length === 0) return before;
    const touched = new Set(changes.map((c) => c.field.split('.')[0]));
    this.sqlite.transaction(() => {
      if (touched.has('profile')) this.store.writeProfile(after.profile);
      if (touched.has('hours')) this.store.writeHours(after.hours);
      if (touched.has('display')) this.store.writeDisplay(after.display);
      if (changes.some((c) => calendarFields.has(c.field))) this.calendarChanged?.();
      this.activity.record({ userId: caller.user.id, action: 'office.updated', entityType: 'office', details: { changes } });
    })();
    const saved = this.store.read();
    this.bus.publish('office.changed', displayOf(saved), { kind: 'all' });
    return saved;
  }

  /** Open or closed now, from the same calendar quotas and bookings ask. */
  status(): OfficeStatus {
    const calendar = officeCalendarOf(this.sqlite);
    const now = this.clock.now();
    const closesAt = calendar.closesAt(now);
    const nextOpening = closesAt === null ? calendar.nextOpening(now) : null;
    const officeDay = calendar.officeDay(now);
    return {
      now: toIso(now),
      isOpen: closesAt !== null,
      closesAt: closesAt === null ? null : toIso(closesAt),
      nextOpening: nextOpening === null ? null : toIso(nextOpening),
      officeDay,
      holiday: calendar.holidayOn(officeDay),
    };
  }
}

function phoneOf(typed: string): string {
  if (typed === '') return '';
  const phone = normalizePhone(typed);
  if (!phone) throw fieldError('profile.phone', 'invalid_phone', 'The office phone is not a valid number');
  return phone;
}

function displayOf(settings: OfficeSettings): OfficeDisplay {
  return {
    ...settings.display,
    timeZone: settings.hours.timeZone,
    workingDays: settings.hours.workingDays,
    holidays: settings.hours.holidays,
    nameAr: settings.profile.legalNameAr,
    nameEn: settings.profile.legalNameEn,
    phone: settings.profile.phone,
  };
}
