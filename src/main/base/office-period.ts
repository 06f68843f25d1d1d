import { officeDay } from './office-day';

const day = 24 * 60 * 60 * 1000;

/**
 * The first millisecond of the office day `dayName` (YYYY-MM-DD) in `timeZone`, found by
 * bisection on the day's name (no fixed offset: summer time and any zone are right).
 * `near` is a moment within 40 days after that day's start.
 */
export function officeDayStartIn(dayName: string, timeZone: string, near: number): number {
  let before = near - 40 * day;
  let after = near;
  while (after - before > 1) {
    const middle = before + Math.floor((after - before) / 2);
    if (officeDay(middle, timeZone) < dayName) before = middle;
    else after = middle;
  }
  return after;
}

/** Where the office's current day and month began, at `now`. */
export function officePeriodStarts(now: number, timeZone: string): { day: number; month: number } {
  const today = officeDay(now, timeZone);
  return { day: officeDayStartIn(today, timeZone, now), month: officeDayStartIn(`${today.slice(0, 8)}01`, timeZone, now) };
}
