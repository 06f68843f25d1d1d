import type { OfficeCalendar } from '../../calendar/office-calendar';

/**
 * How long the office was open between two instants, from its calendar (shifts, working days,
 * holidays): a customer who writes at 23:00 and hears back at 09:05 waited five office minutes.
 */
export function openMsBetween(calendar: OfficeCalendar, from: number, to: number): number {
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
