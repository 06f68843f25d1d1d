import type { BranchUsage } from '../../../shared/branches/types';

/** "2 numbers, 1 user" (English, for the error's message and logs); empty when nothing uses the branch. */
export function describeUsage(usage: BranchUsage): string {
  const parts: string[] = [];
  for (const [key, one] of [['numbers', 'number'], ['users', 'user'], ['properties', 'property']] as const) {
    const n = usage[key];
    if (n > 0) parts.push(`${n} ${n === 1 ? one : key}`);
  }
  return parts.join(', ');
}
