import { normalizeSearchText } from '../../../../shared/search-text';
import type { PropertyFacts } from './retrieval';

/**
 * What a customer's question names about the property wanted: its type(s) and district(s).
 * Retrieval offers only records that agree with them, the prompt says when none does, and the
 * reply check refuses a reply built on a record that does not (a villa in Al Yasmin is never
 * answered with an apartment in Al Narjis).
 */
export interface QuestionFacets {
  /** Property types (`villa`, `apartment`, …) the question names; empty: any. */
  types: string[];
  /** Districts the question names, as normalised stems without the article ("ياسمين"); empty: any. */
  districts: string[];
  /** The same districts as the customer would read them ("الياسمين"), for the prompt. */
  districtLabels: string[];
}

/** The words naming each property type, singular and plural, normalised. */
const typeWords: Record<string, string[]> = {
  villa: ['فيلا', 'فيله', 'فله', 'فلل', 'فلة', 'فيلات', 'دوبلكس', 'villa', 'villas', 'duplex'],
  apartment: ['شقه', 'شقق', 'شقة', 'apartment', 'apartments', 'flat', 'flats'],
  land: ['ارض', 'اراضي', 'قطعه', 'land', 'lands', 'plot', 'plots'],
  office: ['مكتب', 'مكاتب', 'offices'],
  shop: ['محل', 'محلات', 'معرض', 'shop', 'shops', 'store', 'showroom'],
  building: ['عماره', 'عمارات', 'عماير', 'مبنى', 'مبني', 'building', 'buildings'],
};
const typeByWord = new Map<string, string>();
for (const [type, words] of Object.entries(typeWords)) for (const w of words) typeByWord.set(normalizeSearchText(w), type);

/**
 * Districts people ask about by name, Arabic and the ways they are written in English. The
 * catalogue's own districts are added at run time; these let a question about a district the
 * office has nothing in still be recognised (and answered "none listed").
 */
const knownDistricts: { ar: string; en: string[] }[] = [
  { ar: 'الياسمين', en: ['yasmin', 'yasmeen', 'al yasmin', 'alyasmin'] },
  { ar: 'النرجس', en: ['narjis', 'al narjis', 'alnarjis', 'narjes'] },
  { ar: 'حطين', en: ['hittin', 'hitteen', 'hattin'] },
  { ar: 'الملقا', en: ['malqa', 'al malqa', 'almalqa', 'mulqa'] },
  { ar: 'القيروان', en: ['qirawan', 'al qirawan', 'qairawan'] },
  { ar: 'العارض', en: ['arid', 'al arid', 'alarid'] },
  { ar: 'الصحافة', en: ['sahafa', 'al sahafa', 'sahafah'] },
  { ar: 'العليا', en: ['olaya', 'al olaya', 'olaia'] },
  { ar: 'العقيق', en: ['aqiq', 'al aqiq', 'aqeeq'] },
  { ar: 'الربيع', en: ['rabi', 'al rabi', 'rabie'] },
  { ar: 'النخيل', en: ['nakheel', 'al nakheel', 'nakhil'] },
  { ar: 'الورود', en: ['wurud', 'al wurud', 'worood'] },
  { ar: 'السليمانية', en: ['sulaimaniyah', 'sulaymaniyah', 'sulimaniyah'] },
  { ar: 'الملز', en: ['malaz', 'al malaz'] },
  { ar: 'الندى', en: ['nada', 'al nada'] },
  { ar: 'الرمال', en: ['rimal', 'al rimal'] },
  { ar: 'قرطبة', en: ['qurtubah', 'qurtuba'] },
  { ar: 'الغدير', en: ['ghadir', 'al ghadir'] },
  { ar: 'المروج', en: ['muruj', 'al muruj', 'murooj'] },
  { ar: 'الفلاح', en: ['falah', 'al falah'] },
];

const articles = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال'];

/** Stems worked out once: the known districts', and each catalogue district's as first met. */
const stemCache = new Map<string, string>();
const stemOf = (name: string): string => {
  let stem = stemCache.get(name);
  if (stem === undefined) {
    if (stemCache.size > 10_000) stemCache.clear();
    stemCache.set(name, (stem = districtStem(name)));
  }
  return stem;
};

/** A district's comparable stem: normalised, article and clitics off ("بالياسمين" → "ياسمين"). */
export function districtStem(text: string): string {
  const word = normalizeSearchText(text).trim().replace(/^حي\s+/, '');
  for (const a of articles) if (word.startsWith(a) && word.length - a.length >= 2) return word.slice(a.length);
  return word;
}

/** Words a district name in a question may not be (after «حي» people write these too). */
const notDistricts = new Set(['في', 'من', 'عن', 'الرياض', 'رياض', 'جده', 'الشمال', 'شمال', 'الجنوب', 'جنوب', 'الشرق', 'الغرب'].map(normalizeSearchText));

/**
 * The facets a question names. `catalogueDistricts` are the districts of the office's properties
 * (as stored), so any district the office lists is recognised whatever its name.
 */
export function facetsOf(question: string, catalogueDistricts: readonly string[] = []): QuestionFacets {
  const text = normalizeSearchText(question);
  const words = text.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const types = new Set<string>();
  for (const word of words) {
    const bare = articles.find((a) => word.startsWith(a) && word.length - a.length >= 2);
    const type = typeByWord.get(word) ?? (bare ? typeByWord.get(word.slice(bare.length)) : undefined);
    if (type) types.add(type);
  }

  const districts = new Map<string, string>();
  const stems = new Set(words.map(districtStem));
  for (const name of catalogueDistricts) found(stemOf(name), name);
  for (const d of knownStems) found(d.stem, d.ar);
  function found(stem: string, name: string): void {
    // A one-word district is a word of the question; a longer one a phrase of it.
    if (stem.length >= 3 && (stems.has(stem) || (stem.includes(' ') && text.includes(stem)))) districts.set(stem, name);
  }
  const latin = ` ${text.replace(/[^a-z0-9]+/g, ' ')} `;
  for (const d of knownStems) if (d.en.some((e) => latin.includes(` ${e} `))) districts.set(d.stem, d.ar);
  // «حي X»: a district the office may never have heard of.
  for (let i = 0; i + 1 < words.length; i++) {
    if (words[i] !== 'حي' && words[i] !== 'بحي' && words[i] !== 'وحي') continue;
    const next = words[i + 1]!;
    if (!notDistricts.has(next) && next.length >= 3 && !typeByWord.has(next)) {
      const stem = districtStem(next);
      if (!districts.has(stem)) districts.set(stem, next);
    }
  }
  return { types: [...types], districts: [...districts.keys()], districtLabels: [...districts.values()] };
}

const knownStems = knownDistricts.map((d) => ({ ...d, stem: districtStem(d.ar) }));

export const namesAny = (f: QuestionFacets) => f.types.length > 0 || f.districts.length > 0;

/** A property's place words as stems (" حي نرجس الرياض … "), as districts are compared; the retrieval index keeps one per property. */
export function placeText(p: Pick<PropertyFacts, 'district' | 'location' | 'name'>): string {
  const words = [p.district, p.location, p.name].filter((t): t is string => !!t).flatMap((t) => normalizeSearchText(t).split(/[^\p{L}\p{N}]+/u));
  return ` ${words.filter(Boolean).map(districtStem).join(' ')} `;
}

/** Whether a property (its type and place text) is what the question asks for: every named facet agrees. */
export function facetsAgree(type: string, place: string, f: QuestionFacets): boolean {
  if (f.types.length > 0 && !f.types.includes(type)) return false;
  return f.districts.length === 0 || f.districts.some((d) => place.includes(` ${d} `));
}

export function propertyMatches(p: Pick<PropertyFacts, 'type' | 'district' | 'location' | 'name'>, f: QuestionFacets): boolean {
  return facetsAgree(p.type, placeText(p), f);
}
