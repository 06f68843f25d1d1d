import type { BranchView } from '../../../../shared/branches/types';
import type { Language } from '../../i18n/dictionary';
import type { Translate } from '../../i18n/translate';
import { branchName } from './use-branches';

/**
 * A branch picker's choices as select options (ids as text, '' for none). The branch already
 * chosen stays listed even when archived since, so editing a record does not silently move it.
 */
export function branchOptions(t: Translate, language: Language, active: readonly BranchView[], current: { id: number; name: string; nameEn: string | null } | null) {
  const options = [{ value: '', label: t('branches.pickerNone') }, ...active.map((b) => ({ value: String(b.id), label: branchName(b, language) }))];
  if (current && !active.some((b) => b.id === current.id)) options.push({ value: String(current.id), label: t('branches.pickerArchived', { name: branchName(current, language) }) });
  return options;
}
