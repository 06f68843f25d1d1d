import { arabicLocale } from '../../format/dates';
import type { Language } from '../../i18n/dictionary';

/** A backup's time as the office reads it, in the office's own time zone (from the core's settings). */
export function formatOfficeDateTime(iso: string, language: Language, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'ar' ? arabicLocale : 'en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' }).format(date);
}
