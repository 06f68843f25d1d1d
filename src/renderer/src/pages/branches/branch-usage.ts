import type { BranchUsage } from '../../../../shared/branches/types';
import type { Language } from '../../i18n/dictionary';
import { plural } from '../../i18n/plural';
import type { Translate } from '../../i18n/translate';

/** "رقمان، موظف واحد" / "2 numbers, 1 user": what uses a branch, in the language's plural forms; null when nothing does. */
export function usageText(t: Translate, language: Language, usage: BranchUsage): string | null {
  const parts: string[] = [];
  if (usage.numbers > 0) parts.push(plural(t, language, 'branches.usage.numbers', usage.numbers));
  if (usage.users > 0) parts.push(plural(t, language, 'branches.usage.users', usage.users));
  if (usage.properties > 0) parts.push(plural(t, language, 'branches.usage.properties', usage.properties));
  return parts.length > 0 ? parts.join(t('branches.usage.separator')) : null;
}
