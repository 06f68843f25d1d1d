import type { FieldError } from '../../../shared/errors';
import type { OfficeCalendar } from '../../calendar/office-calendar';
import { officeWall } from './viewing-rows';

const minute = 60_000;

export interface Slot {
  start: number;
  end: number;
}

/**
 * The refusals of a booking's time that need no other viewing: a start already gone (unless
 * it is being logged as done), and a slot outside one of the office's shifts or on a holiday
 * (unless a reason is given). The whole viewing must fit in the shift it starts in.
 */
export function timeRefusals(calendar: OfficeCalendar, now: number, slot: Slot, options: { loggingDone: boolean; outsideHoursReason: string | undefined }): FieldError[] {
  const errors: FieldError[] = [];
  if (slot.start < now && !options.loggingDone) {
    errors.push({ field: 'time', code: 'in_past', message: 'The viewing would start in the past', params: { now: officeWall(calendar.timeZone, now).time } });
  }
  if (options.outsideHoursReason) return errors;
  const holiday = calendar.holidayOn(calendar.officeDay(slot.start));
  if (holiday !== null) {
    errors.push({ field: 'date', code: 'office_holiday', message: 'The office is closed for a holiday that day', params: { holiday } });
    return errors;
  }
  const closes = calendar.closesAt(slot.start);
  if (closes === null || slot.end > closes) {
    errors.push({ field: 'time', code: 'outside_office_hours', message: 'The viewing is outside office hours', params: {} });
  }
  return errors;
}

/** The shifts of an office day, as wall-clock minutes from its midnight (a night shift's end past 1440). */
export function openingsOf(calendar: OfficeCalendar, date: string): { start: number; end: number }[] {
  const dayStart = calendar.dayStart(date);
  const next = calendar.nextDayStart(dayStart);
  const openings: { start: number; end: number }[] = [];
  // A shift open at midnight began the day before: it is that day's.
  let t = calendar.isOpen(dayStart) ? (calendar.closesAt(dayStart) ?? next) : dayStart;
  for (let i = 0; i < 12 && t < next; i++) {
    const opens = calendar.nextOpening(t);
    if (opens === null || opens >= next) break;
    const closes = calendar.closesAt(opens) ?? opens;
    openings.push({ start: minutesInto(calendar, date, opens), end: minutesInto(calendar, date, closes) });
    t = closes;
  }
  return openings;
}

function minutesInto(calendar: OfficeCalendar, date: string, ms: number): number {
  const wall = officeWall(calendar.timeZone, ms);
  const [h, m] = wall.time.split(':').map(Number) as [number, number];
  return h * 60 + m + (wall.date > date ? 1440 : 0);
}

/**
 * The agent's first free slot of `durationMinutes` in office hours at or after `from`, on a
 * quarter hour: skips closed hours, shifts too short to hold it, and the agent's viewings.
 * `busyUntil` answers the end of a clash, or null when the slot is free.
 */
export function nextFreeSlot(calendar: OfficeCalendar, from: number, durationMinutes: number, busyUntil: (slot: Slot) => number | null): Slot | null {
  const quarter = 15 * minute;
  let t = Math.ceil(from / quarter) * quarter;
  for (let tries = 0; tries < 2_000; tries++) {
    const opens = calendar.nextOpening(t);
    if (opens === null) return null;
    const start = Math.ceil(opens / quarter) * quarter;
    const closes = calendar.closesAt(opens);
    const end = start + durationMinutes * minute;
    if (closes === null || end > closes || !calendar.isOpen(start)) {
      t = Math.max(closes ?? opens + quarter, start + quarter);
      continue;
    }
    const busy = busyUntil({ start, end });
    if (busy === null) return { start, end };
    t = Math.max(busy, start + quarter);
  }
  return null;
}
