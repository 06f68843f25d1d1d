import { describe, expect, it } from 'vitest';
import { highlightRanges } from './search-text';

/** The marked parts of a text for a query. */
const marked = (text: string, query: string, field: 'text' | 'names' = 'text') => highlightRanges(text, query, field).map(([a, b]) => text.slice(a, b));

describe('highlighting the part of a word a search found', () => {
  it('marks «شقة» behind every article and clitic form, leaving the prefix unmarked', () => {
    for (const word of ['الشقة', 'والشقة', 'بالشقة', 'كالشقة', 'فالشقة', 'للشقة', 'وبالشقة', 'فبالشقة', 'وكالشقة', 'وللشقة', 'فللشقة']) {
      expect(marked(`أبغى ${word} اليوم`, 'شقة'), word).toEqual(['شقة']);
    }
  });

  it('marks a word typed with the article behind a clitic, article included', () => {
    expect(marked('مكتبنا بالرياض', 'الرياض')).toEqual(['الرياض']);
    expect(marked('والرياض أقرب', 'الرياض')).toEqual(['الرياض']);
    // ل + ال is written «لل»: the second lam stands for the article.
    expect(marked('مسافر للرياض', 'الرياض')).toEqual(['لرياض']);
    expect(marked('في الرياض', 'رياض')).toEqual(['رياض']);
    // The article typed is part of what is looked for: a bare «رياض» (a name) is not the city.
    expect(marked('الأستاذ رياض', 'الرياض')).toEqual([]);
  });

  it('marks the written word with its tashkeel, any hamza form, ta marbuta or alef maqsura, behind a prefix', () => {
    expect(marked('نريد بِالشَّقَّةِ مطبخاً', 'شقه')).toEqual(['شَّقَّةِ']);
    expect(marked('شقة للإيجار', 'ايجار')).toEqual(['إيجار']);
    expect(marked('شقة للإيجار', 'الايجار')).toEqual(['لإيجار']);
    expect(marked('والأَرْض على شارعين', 'الارض')).toEqual(['الأَرْض']);
    expect(marked('فالمبنى جديد', 'مبني')).toEqual(['مبنى']);
    expect(marked('وبالعمــــارة مصعد', 'عماره')).toEqual(['عمــــارة']);
  });

  it('marks nothing inside a word and never strips a bare first letter', () => {
    expect(marked('المشقة كبيرة', 'شقة')).toEqual([]);
    expect(marked('ورقة', 'رقة')).toEqual([]);
    expect(marked('فيلا', 'يلا')).toEqual([]);
    expect(marked('كبير', 'بير')).toEqual([]);
    expect(marked('apartment', 'part')).toEqual([]);
  });

  it('marks an article or a single letter typed alone only where it stands as a word', () => {
    expect(marked('الشقة والفيلا', 'ال')).toEqual([]);
    expect(marked('الشقة والفيلا', 'وال')).toEqual([]);
    expect(marked('Villa a b', 'a')).toEqual(['a']);
  });

  it('marks English case-insensitively at a word start, and a Latin name behind a joined Al or El', () => {
    expect(marked('Villa in HITTIN, villas', 'villa')).toEqual(['Villa', 'villa']);
    expect(marked('Fahad Alharbi', 'harbi', 'names')).toEqual(['harbi']);
    expect(marked('Sara ElSayed', 'sayed', 'names')).toEqual(['Sayed']);
    // In message text "most" is not found in "almost".
    expect(marked('almost done', 'most')).toEqual([]);
  });
  it('looks for a term typed with the article behind a clitic once two letters follow the article', () => {
    // «الم» is too short a stem: it stays a plain word start, not found inside «بالمدينة».
    expect(marked('بالمدينة', 'الم')).toEqual([]);
    expect(marked('المدينة', 'الم')).toEqual(['الم']);
    expect(marked('بالمدينة', 'المد')).toEqual(['المد']);
  });

  it('takes a two-letter term as a word start, and a one-letter term only as a whole word', () => {
    expect(marked('Villa vi v', 'vi')).toEqual(['Vi', 'vi']);
    expect(marked('Villa vi v', 'v')).toEqual(['v']);
  });

  it('finds a Latin name behind Al or El from three letters on, letters only', () => {
    expect(marked('Fahad Alsam', 'sam', 'names')).toEqual(['sam']);
    expect(marked('Fahad Alharbi', 'harb', 'names')).toEqual(['harb']);
    expect(marked('Fahad Alsa', 'sa', 'names')).toEqual([]);
    expect(marked('Room al123', '123', 'names')).toEqual([]);
  });
});
