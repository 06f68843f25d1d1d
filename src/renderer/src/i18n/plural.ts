import type { Language, MessageKey } from './dictionary';
import type { Translate, TranslateParams } from './translate';

/**
 * A counted phrase in the language's own plural forms (CLDR, through Intl.PluralRules): Arabic
 * has six (zero, one, two, few, many, other), English two. A phrase is written once per form
 * as `<base>.<form>`; `<base>.other` is required and stands in for any form not written.
 */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}.other` ? B : never) : never;

const rules = new Map<Language, Intl.PluralRules>();
const numbers = new Map<Language, Intl.NumberFormat>();

function rulesFor(language: Language): Intl.PluralRules {
  let r = rules.get(language);
  if (!r) rules.set(language, (r = new Intl.PluralRules(language)));
  return r;
}

/** Latin digits, grouped (1,250) as the rest of the app shows numbers. */
export function formatCount(count: number, language: Language): string {
  let f = numbers.get(language);
  if (!f) numbers.set(language, (f = new Intl.NumberFormat(language === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB')));
  return f.format(count);
}

export function pluralKey(language: Language, base: PluralBase, count: number, has: (key: string) => boolean): MessageKey {
  const form = `${base}.${rulesFor(language).select(count)}`;
  return (has(form) ? form : `${base}.other`) as MessageKey;
}

/** `{count}` in the phrase is the number, formatted; other params fill as usual. */
export function plural(t: Translate, language: Language, base: PluralBase, count: number, params: TranslateParams = {}): string {
  const key = pluralKey(language, base, count, (k) => t(k as MessageKey) !== k);
  return t(key, { ...params, count: formatCount(count, language) });
}
