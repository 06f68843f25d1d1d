import { useMemo } from 'react';
import { useLanguageStore } from './language-store';
import { makeTranslate, type Translate } from './translate';

/** The translate function for the current language; components re-render when it changes. */
export function useT(): Translate {
  const language = useLanguageStore((state) => state.language);
  return useMemo(() => makeTranslate(language), [language]);
}
