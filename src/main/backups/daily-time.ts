import { nextOfficeDayStart } from '../base/office-day';

const hour = 3_600_000;

/**
 * The next moment after `now` at which the office's clock reads `hhmm` (its time zone, not the
 * computer's). The day's start is found by the office calendar; the time is counted from it,
 * so on a day whose clocks move the backup runs that many hours after midnight.
 */
export function nextDailyRun(now: number, hhmm: string, timeZone: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const offset = h * hour + m * 60_000;
  // The start of the office day holding `now`: the day after the one 26 hours before, walked forward.
  let start = nextOfficeDayStart(now - 26 * hour, timeZone);
  while (nextOfficeDayStart(start, timeZone) <= now) start = nextOfficeDayStart(start, timeZone);
  const today = start + offset;
  return today > now ? today : nextOfficeDayStart(start, timeZone) + offset;
}
