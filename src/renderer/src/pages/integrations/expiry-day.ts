import { officeDay } from '../../format/dates';

/**
 * A key chosen to expire on an office calendar day (YYYY-MM-DD) works through that whole day:
 * it expires at the first moment of the next office day, found by bisection on the day's name
 * (no fixed offset is assumed for the office's zone).
 */
export function expiryAfterDay(day: string): string {
  const noonUtc = Date.parse(`${day}T12:00:00Z`);
  let before = noonUtc - 36 * 3600_000;
  let after = noonUtc + 48 * 3600_000;
  while (after - before > 1) {
    const middle = before + Math.floor((after - before) / 2);
    if (officeDay(new Date(middle)) <= day) before = middle;
    else after = middle;
  }
  return new Date(after).toISOString();
}
