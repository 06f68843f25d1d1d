import { officeTimeZone } from '../../../shared/domain';
import type { Language } from '../i18n/dictionary';

/** Latin digits read better for phone numbers and times in this office. */
export const arabicLocale = 'ar-SA-u-nu-latn';
const locales: Record<Language, string> = { ar: arabicLocale, en: 'en-GB' };

type Style = 'dateTime' | 'time' | 'date';
const styles: Record<Style, Intl.DateTimeFormatOptions> = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  time: { timeStyle: 'short' },
  date: { dateStyle: 'medium' },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(language: Language, style: Style): Intl.DateTimeFormat {
  const cacheKey = `${language}:${style}`;
  let formatter = formatters.get(cacheKey);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locales[language], { timeZone: officeTimeZone, ...styles[style] });
    formatters.set(cacheKey, formatter);
  }
  return formatter;
}

function format(iso: string, language: Language, style: Style): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatterFor(language, style).format(date);
}

/** A stored ISO time as the office reads it: in Riyadh time, whatever the machine's zone. */
export function formatDateTime(iso: string, language: Language): string {
  return format(iso, language, 'dateTime');
}

export function formatTime(iso: string, language: Language): string {
  return format(iso, language, 'time');
}

export function formatDate(iso: string, language: Language): string {
  return format(iso, language, 'date');
}

const dayKeyFormatter = new Intl.DateTimeFormat('en-CA', { timeZone: officeTimeZone, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The office calendar day (YYYY-MM-DD) of a moment: a message at 01:00 Riyadh is "today" there. */
export function officeDay(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? '' : dayKeyFormatter.format(date);
}

/** A list's time column: the time for today's entries, the date for older ones. */
export function formatListTime(iso: string, language: Language, now: Date = new Date()): string {
  return officeDay(iso) === officeDay(now) ? formatTime(iso, language) : formatDate(iso, language);
}
