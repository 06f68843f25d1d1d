import { useMemo } from 'react';
import { useLanguageStore } from '../i18n/language-store';
import { useOfficeDisplayStore } from '../stores/office-display-store';
import { officeFormat, type OfficeFormat } from './office-format';

/**
 * Dates, times and numbers the office's way (its zone, digits and calendar) in the UI's
 * language. The one place pages take them from: viewings, offers and money use it too, and a
 * component using it redraws when an admin changes Settings → Office.
 */
export function useOfficeFormat(): OfficeFormat {
  const language = useLanguageStore((state) => state.language);
  const timeZone = useOfficeDisplayStore((state) => state.display.timeZone);
  const digits = useOfficeDisplayStore((state) => state.display.digits);
  const calendar = useOfficeDisplayStore((state) => state.display.calendar);
  return useMemo(() => officeFormat(language, { timeZone, digits, calendar }), [language, timeZone, digits, calendar]);
}
