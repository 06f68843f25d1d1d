import { optOutWords } from '../../../../shared/automation/types';
import { searchTerms } from '../../../../shared/search-text';

/** The opt-out words as search normalises them (any alef, ta marbuta, case...). */
const words = new Set(optOutWords.map((w) => searchTerms(w).join(' ')));

/** Whether a customer's whole message is an opt-out word ("STOP!", "الغاء", "إلغاء."); punctuation and case aside. */
export function isOptOut(text: string): boolean {
  if (text.length > 40) return false;
  return words.has(searchTerms(text).join(' '));
}
