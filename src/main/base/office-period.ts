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

/** The last answer, per zone: every quota check of a send asks for the same day (64 bisection steps each). */
const lastStarts = new Map<string, { today: string; starts: { day: number; month: number } }>();

/** Where the office's current day and month began, at `now`. */
export function officePeriodStarts(now: number, timeZone: string): { day: number; month: number } {
  const today = officeDay(now, timeZone);
  const known = lastStarts.get(timeZone);
  // A day's name (with its year) starts at one moment in a zone: the answer holds all day.
  if (known?.today === today) return { ...known.starts };
  const starts = { day: officeDayStartIn(today, timeZone, now), month: officeDayStartIn(`${today.slice(0, 8)}01`, timeZone, now) };
  lastStarts.set(timeZone, { today, starts });
  return { ...starts };
}
