import { matchInWord, termForms, type SearchField } from './search-forms';

/**
 * Search text normalisation, shared by the index (core) and the highlighting (renderer):
 * Arabic written with or without tashkeel and tatweel, any hamza form of alef, ta marbuta or
 * ha, alef maqsura or ya all compare equal; Arabic-Indic digits are digits; English ignores case.
 */
const tashkeel = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E8\u06EA-\u06ED\u0640]/g;

export function normalizeChar(ch: string): string {
  switch (ch) {
    case 'أ':
    case 'إ':
    case 'آ':
    case 'ٱ':
      return 'ا';
    case 'ة':
      return 'ه';
    case 'ى':
      return 'ي';
    default: {
      const code = ch.charCodeAt(0);
      if (code >= 0x0660 && code <= 0x0669) return String(code - 0x0660);
      if (code >= 0x06f0 && code <= 0x06f9) return String(code - 0x06f0);
      return ch.toLowerCase();
    }
  }
}

/** The normalised form of a whole text, as stored in the search index. */
export function normalizeSearchText(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC').replace(tashkeel, '')) out += normalizeChar(ch);
  return out;
}

/** The words of a query, normalised; punctuation splits words. */
export function searchTerms(query: string): string[] {
  return normalizeSearchText(query)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 0)
    .slice(0, 8);
}

/** Runs of the characters the full-text tokenizer (unicode61) keeps in a word. */
const wordPattern = /[\p{L}\p{N}\p{Co}]+/gu;

/**
 * Where the query's words are found in an original text, as [start, end) ranges of that text:
 * the words the search finds (search-forms.ts: at a word's start, or behind an Arabic article
 * or clitic, which is left unmarked). The text is normalised character by character with a map
 * back to the original positions, so a word typed without tashkeel highlights the word written
 * with it. `field` is 'names' for customer names and emails.
 */
export function highlightRanges(text: string, query: string, field: SearchField = 'text'): [number, number][] {
  const terms = searchTerms(query).map((term) => termForms(term, field));
  if (terms.length === 0) return [];
  let normalized = '';
  const origin: number[] = [];
  let index = 0;
  for (const ch of text) {
    const width = ch.length;
    if (!ch.match(tashkeel)) {
      const n = normalizeChar(ch);
      for (let i = 0; i < n.length; i++) {
        normalized += n[i];
        origin.push(index);
      }
    }
    index += width;
  }
  origin.push(index);
  const ranges: [number, number][] = [];
  for (const word of normalized.matchAll(wordPattern)) {
    for (const forms of terms) {
      const found = matchInWord(word[0], forms);
      if (!found) continue;
      const at = word.index;
      // The end is where the next kept character starts (or the text's end): the marks written
      // on the last letter lie before it, so they are inside the highlight.
      ranges.push([origin[at + found[0]]!, origin[at + found[1]]!]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

/** The digits a person typed for a phone (05…, 9665…, +966 5…), reduced to what every stored form contains. */
export function phoneDigitsQuery(query: string): string | null {
  const digits = normalizeSearchText(query).replace(/\D/g, '');
  if (digits.length < 3 || /[\p{L}]/u.test(normalizeSearchText(query).replace(/[\s+()-]/g, ''))) return null;
  const core = digits.replace(/^00/, '').replace(/^966/, '').replace(/^0/, '');
  // "966" or "05" alone would match every phone: too little to search by.
  return core.length >= 3 ? core : null;
}
