import type { Language } from '../i18n/dictionary';
import { useOfficeDisplayStore } from '../stores/office-display-store';
import { officeDayIn, officeFormat, type OfficeFormat } from './office-format';

/**
 * The app's dates outside React (and older call sites): the same formats as `useOfficeFormat()`,
 * in the office's zone, digits and calendar as last heard from the core. Components should use
 * the hook, which also redraws them when an admin changes the settings.
 */
function current(language: Language): OfficeFormat {
  return officeFormat(language, useOfficeDisplayStore.getState().display);
}

/** Latin digits for what is not the office's display: phone numbers, sizes of files. */
export const arabicLocale = 'ar-SA-u-nu-latn';

export const formatDateTime = (iso: string, language: Language): string => current(language).formatDateTime(iso);
export const formatTime = (iso: string, language: Language): string => current(language).formatTime(iso);
export const formatDate = (iso: string, language: Language): string => current(language).formatDate(iso);
/** A calendar day (YYYY-MM-DD) as the office reads it. */
export const formatDay = (day: string, language: Language): string => current(language).formatDay(day);

/** The office calendar day (YYYY-MM-DD) of a moment, in the office's zone. */
export function officeDay(value: string | Date): string {
  return officeDayIn(useOfficeDisplayStore.getState().display.timeZone, value);
}

export function formatListTime(iso: string, language: Language, now: Date = new Date()): string {
  return current(language).formatListTime(iso, now);
}
