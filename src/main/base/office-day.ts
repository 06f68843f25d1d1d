import { officeTimeZone } from '../../shared/domain';

const dayFormat = new Intl.DateTimeFormat('en-CA', { timeZone: officeTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The office's calendar day (YYYY-MM-DD, Asia/Riyadh) at `ms`: daily quotas start over at its midnight. */
export function officeDay(ms: number): string {
  return dayFormat.format(new Date(ms));
}

/** The first millisecond of the office day after the one holding `ms`. Riyadh has no DST: days are 24 h. */
export function nextOfficeDayStart(ms: number): number {
  const riyadhOffset = 3 * 60 * 60 * 1000;
  const day = 24 * 60 * 60 * 1000;
  return Math.floor((ms + riyadhOffset) / day) * day + day - riyadhOffset;
}

/** The first millisecond of an office day given as YYYY-MM-DD (Riyadh is UTC+3 all year). */
export function officeDayStart(day: string): number {
  return Date.parse(`${day}T00:00:00+03:00`);
}
