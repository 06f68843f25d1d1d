import { ar } from './ar';
import type { Dictionary, Language, MessageKey } from './dictionary';
import { en } from './en';

export type TranslateParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: TranslateParams) => string;

const dictionaries: Record<Language, Dictionary> = { ar, en };

/** A t() for one language; `{name}` placeholders are filled from params, unknown ones left as written. */
export function makeTranslate(language: Language): Translate {
  const dictionary = dictionaries[language];
  return (key, params) => {
    // A code from a newer core may have no text yet: show the key rather than nothing.
    const text = dictionary[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) => {
      const value = params[name];
      return value === undefined ? match : String(value);
    });
  };
}
