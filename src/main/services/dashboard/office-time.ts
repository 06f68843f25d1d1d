import type { OfficeCalendar } from '../../calendar/office-calendar';

const dayMs = 86_400_000;
/** Open time of whole office days, by the day's first instant: a reply weeks later costs a lookup per day, not a walk per shift. */
const wholeDays = new WeakMap<OfficeCalendar, Map<number, number>>();

/**
 * How long the office was open between two instants, from its calendar (shifts, working days,
 * holidays): a customer who writes at 23:00 and hears back at 09:05 waited five office minutes.
 */
export function openMsBetween(calendar: OfficeCalendar, from: number, to: number): number {
  if (to - from <= 2 * dayMs) return walk(calendar, from, to);
  let days = wholeDays.get(calendar);
  if (!days) wholeDays.set(calendar, (days = new Map()));
  let t = calendar.nextDayStart(from);
  let open = walk(calendar, from, t);
  for (let next = calendar.nextDayStart(t); next <= to; next = calendar.nextDayStart(t)) {
    let day = days.get(t);
    if (day === undefined) days.set(t, (day = walk(calendar, t, next)));
    open += day;
    t = next;
  }
  return open + walk(calendar, t, to);
}

/** Shift by shift: open stretches clipped to [from, to). */
function walk(calendar: OfficeCalendar, from: number, to: number): number {
  let open = 0;
  let t = from;
  while (t < to) {
    const closes = calendar.closesAt(t);
    if (closes !== null) {
      open += Math.min(closes, to) - t;
      t = closes;
      continue;
    }
    const opens = calendar.nextOpening(t);
    if (opens === null || opens <= t) break;
    t = opens;
  }
  return open;
}
