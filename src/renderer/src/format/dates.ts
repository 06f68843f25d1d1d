import { officeTimeZone } from '../../../shared/domain';
import type { Language } from '../i18n/dictionary';

/** Latin digits read better for phone numbers and times in this office. */
export const arabicLocale = 'ar-SA-u-nu-latn';
const locales: Record<Language, string> = { ar: arabicLocale, en: 'en-GB' };

const formatters = new Map<Language, Intl.DateTimeFormat>();

function formatterFor(language: Language): Intl.DateTimeFormat {
  let formatter = formatters.get(language);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locales[language], { timeZone: officeTimeZone, dateStyle: 'medium', timeStyle: 'short' });
    formatters.set(language, formatter);
  }
  return formatter;
}

/** A stored ISO time as the office reads it: in Riyadh time, whatever the machine's zone. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : formatterFor(language).format(date);
}
