import { useOfficeFormat } from '../format/use-office-format';
import { useLanguageStore } from '../i18n/language-store';
import { TextField } from './TextField';

interface DateFieldProps {
  name: string;
  label: string;
  /** YYYY-MM-DD, a day in the office's calendar, or ''. */
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  testId: string;
  min?: string;
  max?: string;
}

/**
 * A calendar day picked from the browser's calendar. The picker takes the UI's language through
 * `lang`, and the chosen day is written out beside it in that language, since the field itself
 * may follow the computer's locale.
 */
export function DateField({ value, ...props }: DateFieldProps) {
  const language = useLanguageStore((state) => state.language);
  const office = useOfficeFormat();
  const hint = value ? office.formatDay(value) : undefined;
  return <TextField {...props} type="date" value={value} lang={language === 'ar' ? 'ar-SA' : 'en-GB'} hint={hint} />;
}
