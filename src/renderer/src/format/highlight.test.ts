import { describe, expect, it } from 'vitest';
import { highlightRanges } from '../../../shared/search-text';
import { phoneRanges, snippetAround } from './highlight';

const marked = (text: string, ranges: [number, number][]) => ranges.map(([a, b]) => text.slice(a, b));

describe('search highlights', () => {
  it('find a phone typed as 05…, 9665… or +966 5… in the stored +9665… form', () => {
    const phone = '+966505523187';
    for (const typed of ['0505523', '966505523', '+966 50 552 3', '505523']) expect(marked(phone, phoneRanges(phone, typed))).toEqual(['505523']);
    expect(phoneRanges(phone, '0599')).toEqual([]);
  });

  it('find the last or middle digits of a phone', () => {
    const phone = '+966505523187';
    expect(marked(phone, phoneRanges(phone, '3187'))).toEqual(['3187']);
    expect(marked(phone, phoneRanges(phone, '5523187'))).toEqual(['5523187']);
    expect(marked(phone, phoneRanges(phone, '٥٥٢٣'))).toEqual(['5523']);
  });

  it('fall back to text highlighting for a query with letters', () => {
    expect(marked('Dana Alqahtani', phoneRanges('Dana Alqahtani', 'dana'))).toEqual(['Dana']);
  });

  it('cut a long message so the first match shows, with the ranges moved along', () => {
    const text = 'السلام عليكم، شفت إعلانكم عن شقة النرجس، للحين متوفرة؟ وأبي أعاين بكرة بعد العصر إذا أمكن';
    const ranges = highlightRanges(text, 'اعاين');
    const cut = snippetAround(text, ranges);
    expect(cut.text.startsWith('…')).toBe(true);
    expect(marked(cut.text, cut.ranges)).toEqual(['أعاين']);
    expect(snippetAround('قصير أعاين', highlightRanges('قصير أعاين', 'اعاين')).text).toBe('قصير أعاين');
  });
});
