import { describe, expect, it } from 'vitest';
import { highlightRanges, normalizeSearchText, phoneDigitsQuery, searchTerms } from './search-text';

describe('search text', () => {
  it('treats Arabic written with or without tashkeel and tatweel, and every alef, ta marbuta and ya form alike', () => {
    expect(normalizeSearchText('مُحَمَّد')).toBe(normalizeSearchText('محمد'));
    expect(normalizeSearchText('شقــــة')).toBe(normalizeSearchText('شقة'));
    expect(normalizeSearchText('أحمد إبراهيم آمنة')).toBe('احمد ابراهيم امنه');
    expect(normalizeSearchText('مبنى')).toBe(normalizeSearchText('مبني'));
    expect(normalizeSearchText('Villa NARJIS')).toBe('villa narjis');
    expect(normalizeSearchText('٠٥٠١٢٣')).toBe('050123');
  });

  it('highlights the written word when it is searched without diacritics', () => {
    const text = 'نريد شَقَّةً في النرجس';
    const [range] = highlightRanges(text, 'شقه');
    expect(text.slice(range![0], range![1])).toBe('شَقَّةً');
    expect(highlightRanges('Villa in Narjis', 'narj').map(([a, b]) => 'Villa in Narjis'.slice(a, b))).toEqual(['Narj']);
  });

  it('reads a phone typed as 05…, 9665… or +966 5… as the same digits', () => {
    expect(phoneDigitsQuery('0501234567')).toBe('501234567');
    expect(phoneDigitsQuery('966501234567')).toBe('501234567');
    expect(phoneDigitsQuery('+966 50 123 4567')).toBe('501234567');
    expect(phoneDigitsQuery('00966501234567')).toBe('501234567');
    expect(phoneDigitsQuery('محمد')).toBeNull();
    expect(phoneDigitsQuery('966')).toBeNull();
    expect(phoneDigitsQuery('+966 05')).toBeNull();
    expect(searchTerms('  فيلا، حطين ')).toEqual(['فيلا', 'حطين']);
  });
  it('drops every kind of Arabic mark, Quranic ones included, and reads every alef, and both Arabic digit sets', () => {
    // One mark from each range the normaliser drops: honorifics, superscript alef, Quranic annotations.
    for (const mark of ['\u0610', '\u061A', '\u064B', '\u065F', '\u0670', '\u06D6', '\u06DC', '\u06DF', '\u06E8', '\u06EA', '\u06ED', '\u0640']) {
      expect(normalizeSearchText(`ش${mark}قة`), mark.codePointAt(0)!.toString(16)).toBe('شقه');
    }
    // The marks beside those ranges are kept: they are letters or signs of their own.
    for (const kept of ['\u060B', '\u06DD', '\u06E9']) expect(normalizeSearchText(kept)).toBe(kept);
    expect(normalizeSearchText('ٱلرحمن')).toBe('الرحمن');
    expect(normalizeSearchText('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(normalizeSearchText('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    // The characters just outside the digit ranges stay as they are.
    expect(normalizeSearchText('\u065F\u066A\u06EF\u06FA')).toBe('\u066A\u06EF\u06FA');
  });

  it('searches by the first eight words of a long query', () => {
    expect(searchTerms('one two three four five six seven eight nine')).toEqual(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight']);
  });

  it('marks a word once when two words of the query find it, as far as the longer one reaches', () => {
    const marked = (text: string, query: string) => highlightRanges(text, query).map(([a, b]) => text.slice(a, b));
    expect(marked('Villa Narjis', 'villa vil')).toEqual(['Villa']);
    expect(marked('Villa Narjis', 'vil villa')).toEqual(['Villa']);
    expect(highlightRanges('Villa Narjis', 'vil villa narjis')).toEqual([[0, 5], [6, 12]]);
    // «شقة» is marked after «بال», «الشقة» after «ب»: the mark starts where the earlier one does.
    expect(marked('بالشقة', 'شقة الشقة')).toEqual(['الشقة']);
    expect(marked('بالشقة', 'الشقة شقة')).toEqual(['الشقة']);
    // Two marks that meet are one.
    expect(highlightRanges('Alharbi', 'al harbi', 'names')).toEqual([[0, 7]]);
  });

  it('marks the marks written on a word’s last letter, at the text’s end too, and nothing for a query of punctuation', () => {
    const marked = (text: string, query: string) => highlightRanges(text, query).map(([a, b]) => text.slice(a, b));
    expect(marked('شقةٌ', 'شقه')).toEqual(['شقةٌ']);
    expect(marked('شقةٌ واسعة', 'شقه')).toEqual(['شقةٌ']);
    expect(marked('شَقةٌ', 'شق')).toEqual(['شَق']);
    expect(highlightRanges('Villa', ' ،، - ')).toEqual([]);
  });

  it('reads three digits as a phone search, but not a query with letters or only a prefix', () => {
    expect(phoneDigitsQuery('123')).toBe('123');
    expect(phoneDigitsQuery('12')).toBeNull();
    expect(phoneDigitsQuery('+966 (50) 123-4567')).toBe('501234567');
    expect(phoneDigitsQuery('villa 12345')).toBeNull();
    // Only a leading 00, 966 or 0 is a prefix: the same digits further on are the number's own.
    expect(phoneDigitsQuery('0500 1234')).toBe('5001234');
    expect(phoneDigitsQuery('050 196 6123')).toBe('501966123');
    expect(phoneDigitsQuery('5012340')).toBe('5012340');
    expect(phoneDigitsQuery('0966')).toBe('966');
  });
});
