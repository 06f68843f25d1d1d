import type { ActivityVerifyResult } from '../../../../shared/activity/types';
import type { Translate } from '../../i18n/translate';
import type { PluralBase } from '../../i18n/plural';
import type { TranslateParams } from '../../i18n/translate';

/** The result of "verify" in a sentence: how many entries are intact, or the first broken one with its time. */
export function verifyText(
  t: Translate,
  count: (base: PluralBase, n: number, params?: TranslateParams) => string,
  formatTime: (iso: string) => string,
  result: ActivityVerifyResult,
): string {
  const broken = result.broken;
  if (!broken) return count('activity.verify.ok', result.checked);
  if (broken.problem === 'missing') {
    return broken.createdAt === null
      ? t('activity.verify.missingEnd', { id: broken.id, count: broken.count })
      : t('activity.verify.missing', { id: broken.id, count: broken.count, time: formatTime(broken.createdAt) });
  }
  return t(`activity.verify.${broken.problem}`, { id: broken.id, time: formatTime(broken.createdAt) });
}
