import type { MessageKey } from '../../i18n/dictionary';
import type { Translate } from '../../i18n/translate';

/** A wait in the largest unit that keeps it readable: 45 s, 12 min, 3.5 h, 2 d. */
export function formatDuration(ms: number | null, t: Translate, formatNumber: (value: number, options?: Intl.NumberFormatOptions) => string): string {
  if (ms === null) return t('dashboard.none');
  const seconds = ms / 1000;
  const one = { maximumFractionDigits: 1 };
  if (seconds < 60) return t('dashboard.duration.seconds', { value: formatNumber(Math.round(seconds)) });
  if (seconds < 3600) return t('dashboard.duration.minutes', { value: formatNumber(seconds / 60, one) });
  if (seconds < 86_400) return t('dashboard.duration.hours', { value: formatNumber(seconds / 3600, one) });
  return t('dashboard.duration.days', { value: formatNumber(seconds / 86_400, one) });
}

const knownTypes = new Set(['text', 'image', 'video', 'audio', 'ptt', 'document', 'sticker', 'location']);

/** A message type's label; kinds the dashboard has no word for read "other". */
export const typeLabel = (type: string, t: Translate): string => t((knownTypes.has(type) ? `dashboard.type.${type}` : 'dashboard.type.other') as MessageKey);
