import { officeCalendars, officeDigits } from '../../../../shared/office/types';
import { isMessageKey, type Language } from '../../i18n/dictionary';
import type { Translate } from '../../i18n/translate';

const is = (list: readonly string[], value: unknown): value is string => typeof value === 'string' && list.includes(value);

/** A setting's value as the log shows it: digits and calendars by name, blanks as a dash. */
function valueText(t: Translate, field: string, value: unknown): string {
  if (field === 'display.digits' && is(officeDigits, value)) return t(`office.digits.${value as (typeof officeDigits)[number]}`);
  if (field === 'display.calendar' && is(officeCalendars, value)) return t(`office.calendar.${value as (typeof officeCalendars)[number]}`);
  if (value === '' || value === null || value === undefined) return '—';
  return String(value);
}

/**
 * An `office.updated` entry's changes: "Time zone from Asia/Riyadh to Asia/Dubai", and for lists
 * (shifts, holidays, days) just which one changed — the entry's details keep both versions.
 */
export function officeChangesText(t: Translate, language: Language, changes: unknown): string {
  if (!Array.isArray(changes)) return '';
  const said = changes.flatMap((change: unknown) => {
    if (!change || typeof change !== 'object') return [];
    const { field, from, to } = change as { field?: unknown; from?: unknown; to?: unknown };
    if (typeof field !== 'string') return [];
    const key = `office.field.${field}`;
    const name = isMessageKey(key) ? t(key) : field;
    const scalar = (v: unknown) => typeof v !== 'object' || v === null;
    return [scalar(from) && scalar(to) ? t('office.change', { field: name, from: valueText(t, field, from), to: valueText(t, field, to) }) : name];
  });
  return said.join(language === 'ar' ? '، ' : ', ');
}
