import type Database from 'better-sqlite3';
import { officeTimeZone } from '../../shared/domain';
import { dayNumber, ZoneTime } from '../calendar/zone-time';
import { readSetting } from './settings';

const formats = new Map<string, Intl.DateTimeFormat>();
const hour = 60 * 60 * 1000;

function dayFormat(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format;
}

/** The office's calendar day (YYYY-MM-DD) at `ms`, in its time zone (never the process's): daily quotas start over at its midnight. */
export function officeDay(ms: number, timeZone: string = officeTimeZone): string {
  return dayFormat(timeZone).format(new Date(ms));
}

/**
 * The first millisecond of the office day after the one holding `ms`. Found by bisection on
 * the day's name rather than by an offset, so a zone with summer time (a 23 or 25 hour day,
 * a midnight that does not exist) is right too. A day ends within 26 hours of any moment in it.
 */
export function nextOfficeDayStart(ms: number, timeZone: string = officeTimeZone): number {
  const today = officeDay(ms, timeZone);
  let before = ms;
  let after = ms + 26 * hour;
  while (after - before > 1) {
    const middle = before + Math.floor((after - before) / 2);
    if (officeDay(middle, timeZone) === today) before = middle;
    else after = middle;
  }
  return after;
}

/** The office's time zone: the `office.timeZone` setting when it names a zone, else the default (Asia/Riyadh). */
export function officeTimeZoneOf(sqlite: Database.Database): string {
  const setting = readSetting(sqlite, 'office.timeZone');
  if (!setting) return officeTimeZone;
  try {
    dayFormat(setting);
    return setting;
  } catch {
    return officeTimeZone;
  }
}

/** The first millisecond of an office day given as YYYY-MM-DD, in the office's zone (summer time included). */
export function officeDayStart(day: string, timeZone: string = officeTimeZone): number {
  return new ZoneTime(timeZone).instant(dayNumber(day), 0);
}
