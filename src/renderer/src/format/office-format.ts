import type { OfficeCalendarKind, OfficeDigits } from '../../../shared/office/types';
import type { Language } from '../i18n/dictionary';

/** What decides how a moment reads: the office's zone, digits and calendar, and the UI's language. */
export interface FormatPrefs {
  timeZone: string;
  digits: OfficeDigits;
  calendar: OfficeCalendarKind;
}

type Style = 'dateTime' | 'time' | 'date' | 'weekdayTime';
type Calendar = 'gregory' | 'islamic-umalqura';

const gregorianStyles: Record<Style, Intl.DateTimeFormatOptions> = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'short' },
  date: { dateStyle: 'medium' },
  weekdayTime: { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' },
};
/** Hijri months by name: their numbers alone mean little to most readers. */
const hijriStyles: Record<Style, Intl.DateTimeFormatOptions> = {
  dateTime: { day: 'numeric', month: 'long', year: 'numeric', hour: 'numeric', minute: '2-digit' },
  time: { timeStyle: 'short' },
  date: { day: 'numeric', month: 'long', year: 'numeric' },
  weekdayTime: { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' },
};

const baseLocales: Record<Language, string> = { ar: 'ar-SA', en: 'en-GB' };

/** The locale with the calendar and digits spelt out: ar-SA alone would pick Umm al-Qura or Gregorian by the ICU's version. */
export const localeFor = (language: Language, digits: OfficeDigits, calendar: Calendar = 'gregory'): string => `${baseLocales[language]}-u-ca-${calendar}-nu-${digits}`;

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(language: Language, prefs: FormatPrefs, calendar: Calendar, style: Style, timeZone = prefs.timeZone): Intl.DateTimeFormat {
  const key = `${language}|${prefs.digits}|${calendar}|${style}|${timeZone}`;
  let found = cache.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(localeFor(language, prefs.digits, calendar), { timeZone, ...(calendar === 'gregory' ? gregorianStyles : hijriStyles)[style] });
    cache.set(key, found);
  }
  return found;
}

/** A moment in the office's calendar choice: Gregorian, Hijri, or Gregorian with the Hijri date beside it. */
function inCalendar(date: Date, language: Language, prefs: FormatPrefs, style: Style, timeZone?: string): string {
  if (prefs.calendar === 'gregory' || style === 'time') return formatter(language, prefs, 'gregory', style, timeZone).format(date);
  if (prefs.calendar === 'islamic-umalqura') return formatter(language, prefs, 'islamic-umalqura', style, timeZone).format(date);
  const hijri = formatter(language, prefs, 'islamic-umalqura', 'date', timeZone).format(date);
  return `${formatter(language, prefs, 'gregory', style, timeZone).format(date)} (${hijri})`;
}

function moment(value: string | Date): Date | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

const dayKeys = new Map<string, Intl.DateTimeFormat>();

/** The office calendar day (YYYY-MM-DD) of a moment: a message at 01:00 in the office's zone is "today" there. */
export function officeDayIn(timeZone: string, value: string | Date): string {
  const date = moment(value);
  if (!date) return '';
  let format = dayKeys.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayKeys.set(timeZone, format);
  }
  return format.format(date);
}

export interface OfficeFormat {
  /** A stored ISO time as the office reads it: in its zone, whatever the computer's. */
  formatDateTime(iso: string): string;
  formatTime(iso: string): string;
  formatDate(iso: string): string;
  /** "Sunday 29 November, 09:00": when something next happens. */
  formatWeekdayTime(iso: string): string;
  /** A calendar day (YYYY-MM-DD) itself, not a moment: the same day whatever the zone. */
  formatDay(day: string): string;
  /** A list's time column: the time for today's entries, the date for older ones. */
  formatListTime(iso: string, now?: Date): string;
  /** A number in the office's digits. */
  formatNumber(value: number, options?: Intl.NumberFormatOptions): string;
  /** The office calendar day (YYYY-MM-DD) of a moment. */
  officeDay(value: string | Date): string;
  /** The settings these formats follow. */
  prefs: FormatPrefs;
}

/** Every way the app writes a date, a time or a number, for one language and the office's settings. */
export function officeFormat(language: Language, prefs: FormatPrefs): OfficeFormat {
  const at = (style: Style) => (iso: string) => {
    const date = moment(iso);
    return date ? inCalendar(date, language, prefs, style) : iso;
  };
  const time = at('time');
  const date = at('date');
  const officeDay = (value: string | Date) => officeDayIn(prefs.timeZone, value);
  return {
    formatDateTime: at('dateTime'),
    formatTime: time,
    formatDate: date,
    formatWeekdayTime: at('weekdayTime'),
    formatDay: (day) => {
      // Noon UTC of that day, read in UTC: no zone can move it to another day.
      const noon = /^\d{4}-\d{2}-\d{2}$/.test(day) ? moment(`${day}T12:00:00Z`) : null;
      return noon ? inCalendar(noon, language, prefs, 'date', 'UTC') : day;
    },
    formatListTime: (iso, now = new Date()) => (officeDay(iso) === officeDay(now) ? time(iso) : date(iso)),
    formatNumber: (value, options) => new Intl.NumberFormat(localeFor(language, prefs.digits), options).format(value),
    officeDay,
    prefs,
  };
}
