import { useCallback } from 'react';
import { formatMoney } from '../../../../shared/money';
import { useOfficeFormat } from '../../format/use-office-format';
import { useLanguageStore } from '../../i18n/language-store';

/** halalas → "12.50 ر.س" / "SAR 12.50" in the reader's language and the office's digits. */
export function useOfficeMoney(): (halalas: number) => string {
  const language = useLanguageStore((state) => state.language);
  const { prefs } = useOfficeFormat();
  return useCallback((halalas: number) => formatMoney(halalas, language, prefs.digits), [language, prefs.digits]);
}
