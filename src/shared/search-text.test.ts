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
});
