import type { Language, MessageKey } from './dictionary';
import type { Translate } from './translate';

/** Messages with a text per plural form (Arabic has six: zero, one, two, few, many, other). */
export type PluralBase = { [K in MessageKey]: K extends `${infer B}.other` ? (`${B}.zero` | `${B}.one` | `${B}.two` | `${B}.few` | `${B}.many` extends MessageKey ? B : never) : never }[MessageKey];

const rules = new Map<Language, Intl.PluralRules>();

/** `{count}` in the form the language's plural rules pick for it. */
export function plural(t: Translate, language: Language, base: PluralBase, count: number): string {
  let rule = rules.get(language);
  if (!rule) rules.set(language, (rule = new Intl.PluralRules(language)));
  return t(`${base}.${rule.select(count)}` as MessageKey, { count });
}
