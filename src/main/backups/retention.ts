import { officeDay } from '../base/office-day';

export interface RetentionPolicy {
  daily: number;
  weekly: number;
  monthly: number;
}

/** What the issue asks: a week of days, a month of weeks, half a year of months. */
export const defaultRetention: RetentionPolicy = { daily: 7, weekly: 4, monthly: 6 };

export interface Dated {
  id: string;
  /** When it was taken (ms). */
  at: number;
}

/**
 * Which backups to keep: every backup of the `daily` most recent office days that have one
 * (a manual backup and the one before a restore on the same day both stay: either may be the
 * one the admin wants back), and the newest of each of the `weekly` most recent weeks (Sunday
 * to Saturday, the office's week) and of the `monthly` most recent months. Days are the
 * office's (its time zone), never the computer's. Everything else may be deleted.
 */
export function backupsToKeep<T extends Dated>(backups: readonly T[], timeZone: string, policy: RetentionPolicy = defaultRetention): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : -1));
  const keep = new Set<string>();
  const pick = (keyOf: (day: string) => string, count: number, everyOne = false) => {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      const key = keyOf(officeDay(backup.at, timeZone));
      if (seen.has(key)) {
        if (everyOne) keep.add(backup.id);
        continue;
      }
      if (seen.size >= count) break;
      seen.add(key);
      keep.add(backup.id);
    }
  };
  pick((day) => day, policy.daily, true);
  pick(weekOf, policy.weekly);
  pick((day) => day.slice(0, 7), policy.monthly);
  return keep;
}

/** The Sunday (YYYY-MM-DD) starting the week that holds `day`. */
function weekOf(day: string): string {
  const ms = Date.parse(`${day}T00:00:00Z`);
  const sunday = ms - new Date(ms).getUTCDay() * 86_400_000;
  return new Date(sunday).toISOString().slice(0, 10);
}
