import type { BranchView } from '../../../../shared/branches/types';
import { useLiveList } from '../../hooks/use-live-list';

/** The branches (active ones, or all for the admin's page), kept live by `branches.changed`. */
export function useBranches(includeArchived = false) {
  return useLiveList('branches.list', { includeArchived }, ['branches.changed']);
}

/** A branch's name in the current language: the English one when set, else the Arabic. */
export function branchName(branch: Pick<BranchView, 'name' | 'nameEn'>, language: 'ar' | 'en'): string {
  return language === 'en' && branch.nameEn ? branch.nameEn : branch.name;
}
