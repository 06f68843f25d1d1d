import type { Language } from '../i18n/dictionary';
import { arabicLocale } from './dates';

const locales: Record<Language, string> = { ar: arabicLocale, en: 'en-GB' };

/** A file size as people read it: «2.4 ميجابايت», "2.4 MB". */
export function formatBytes(bytes: number, language: Language): string {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'megabyte'] : bytes >= 1024 ? [bytes / 1024, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat(locales[language], { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: value < 10 ? 1 : 0 }).format(value);
}
