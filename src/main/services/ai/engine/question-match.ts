import type { AiCheck, AiScenario } from '../../../../shared/ai/types';
import { normalizeSearchText } from '../../../../shared/search-text';
import type { Offered } from './prompt';
import { namesAny, propertyMatches, type QuestionFacets } from './question-facets';

/** Words that make a reply say "none" ("لا توجد", "ليس لدينا", "we don't have"). */
const negations = ['لا', 'ليس', 'ليست', 'لايوجد', 'لاتوجد', 'غير', 'لسنا', 'مافي', 'no', 'not', 'none', "don't", 'dont', "doesn't", 'unfortunately', 'للاسف', 'للأسف'].map(normalizeSearchText);

export interface MatchInput {
  reply: string;
  scenario: AiScenario | null;
  /** The records the model cited (limited to what was offered). */
  used: Offered[];
  /** Everything the prompt offered. */
  offered: Offered[];
  facets: QuestionFacets;
}

/**
 * The reply agrees with what the question asked for: a property it cites must be of the type and
 * in the district the customer named; and when nothing offered matches, a property answer may
 * only say none is listed. Guards the real model as well as the demo's (a question about a villa
 * in Al Yasmin never gets «نعم» with an apartment in Al Narjis).
 */
export function checkQuestionMatch(input: MatchInput): AiCheck {
  const name = 'question_match';
  if (!namesAny(input.facets)) return { name, ok: true, detail: 'the question names no type or district' };
  const asked = [...input.facets.types, ...input.facets.districtLabels].join(', ');
  const wrong = input.used.filter((r) => r.kind === 'property' && !propertyMatches(r.facts, input.facets));
  if (wrong.length > 0) return { name, ok: false, detail: `asked for ${asked}; cites ${wrong.map((r) => r.key).join(', ')}, which do not match` };
  const usedMatching = input.used.some((r) => r.kind === 'property');
  const anyOffered = input.offered.some((r) => r.kind === 'property' && propertyMatches(r.facts, input.facets));
  if (!usedMatching && !anyOffered && input.scenario === 'propertyInquiryResponse') {
    const words = normalizeSearchText(input.reply).split(/[^\p{L}\p{N}']+/u);
    if (!words.some((w) => negations.includes(w))) return { name, ok: false, detail: `asked for ${asked}; no record matches and the reply does not say so` };
    return { name, ok: true, detail: `asked for ${asked}; no record matches and the reply says so` };
  }
  return { name, ok: true, detail: `asked for ${asked}; the records used match` };
}
