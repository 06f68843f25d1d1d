import { whatsappBrowsers } from '../../../../shared/desktop/schemas';
import { isMessageKey, type Language } from '../../i18n/dictionary';
import type { Translate } from '../../i18n/translate';

function valueText(t: Translate, value: unknown): string {
  if (value === true) return t('desktop.on');
  if (value === false) return t('desktop.off');
  if (typeof value === 'string' && (whatsappBrowsers as readonly string[]).includes(value)) return t(`desktop.browser.${value as (typeof whatsappBrowsers)[number]}`);
  if (value === '' || value === null || value === undefined) return '—';
  return String(value);
}

/** A `desktop.updated` entry's changes: "Update server from — to https://…". */
export function desktopChangesText(t: Translate, language: Language, changes: unknown): string {
  if (!Array.isArray(changes)) return '';
  const said = changes.flatMap((change: unknown) => {
    if (!change || typeof change !== 'object') return [];
    const { field, from, to } = change as { field?: unknown; from?: unknown; to?: unknown };
    if (typeof field !== 'string') return [];
    const key = `desktop.field.${field}`;
    const name = isMessageKey(key) ? t(key) : field;
    return [t('office.change', { field: name, from: valueText(t, from), to: valueText(t, to) })];
  });
  return said.join(language === 'ar' ? '، ' : ', ');
}
