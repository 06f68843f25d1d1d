import { highlightRanges, phoneDigitsQuery } from '../../../shared/search-text';

export type Range = [number, number];

/**
 * Where a typed phone (05…, 9665…, +966 5…) occurs in a stored one (+9665…): the digits the
 * core searched for, matched digit by digit, so separators and the country code in either do
 * not matter. Anything that is not a phone query is highlighted as text.
 */
export function phoneRanges(phone: string, query: string): Range[] {
  const digits = phoneDigitsQuery(query);
  if (!digits) return highlightRanges(phone, query);
  let onlyDigits = '';
  const origin: number[] = [];
  for (let i = 0; i < phone.length; i++) {
    if (/\d/.test(phone[i]!)) {
      onlyDigits += phone[i];
      origin.push(i);
    }
  }
  const at = onlyDigits.indexOf(digits);
  if (at < 0) return [];
  return [[origin[at]!, origin[at + digits.length - 1]! + 1]];
}

/**
 * A long matching message cut so its first match shows in a one-line row: up to `lead`
 * characters before it, starting at a word, with "…" in front. Ranges move with the text.
 */
export function snippetAround(text: string, ranges: readonly Range[], lead = 24): { text: string; ranges: Range[] } {
  const flat = text.replace(/\s+/g, ' ');
  const first = ranges[0];
  // Whitespace runs collapse to one space only when that keeps every position: otherwise keep the text.
  const source = flat.length === text.length ? flat : text;
  if (!first || first[0] <= lead) return { text: source, ranges: [...ranges] };
  let start = first[0] - lead;
  const space = source.indexOf(' ', start);
  if (space >= 0 && space < first[0]) start = space + 1;
  // Never split a surrogate pair (an emoji).
  if (/[\uDC00-\uDFFF]/.test(source[start] ?? '')) start += 1;
  const shift = start - 1;
  return { text: `…${source.slice(start)}`, ranges: ranges.map(([a, b]) => [a - shift, b - shift] as Range) };
}
