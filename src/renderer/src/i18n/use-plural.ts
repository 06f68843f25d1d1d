import { useCallback } from 'react';
import { useLanguageStore } from './language-store';
import { plural, type PluralBase } from './plural';
import type { TranslateParams } from './translate';
import { useT } from './use-t';

/** plural() bound to the current language. */
export function usePlural(): (base: PluralBase, count: number, params?: TranslateParams) => string {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  return useCallback((base, count, params) => plural(t, language, base, count, params), [t, language]);
}
