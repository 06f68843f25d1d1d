import type Database from 'better-sqlite3';
import { normalizeSearchText } from '../../../../shared/search-text';
import { facetsAgree, placeText, type QuestionFacets } from './question-facets';

export interface PropertyFacts {
  id: number;
  name: string;
  type: string;
  listing: string;
  rentPeriod: string | null;
  status: string;
  city: string | null;
  district: string | null;
  location: string | null;
  /** Halalas. */
  price: number | null;
  bedrooms: number | null;
  area: number | null;
  description: string | null;
}

export interface FaqFacts {
  id: number;
  question: string;
  answer: string;
  language: string;
}

export type Found = { kind: 'property'; score: number; facts: PropertyFacts } | { kind: 'faq'; score: number; facts: FaqFacts };

/** Arabic articles and clitics a word may carry ("والشقة", "بالرياض"): the word is indexed with and without them. */
const prefixes = ['وال', 'بال', 'فال', 'كال', 'لل', 'ال'];
/** Words that say nothing about what is asked. */
const stop = new Set(
  ['في', 'من', 'على', 'عن', 'الى', 'او', 'هل', 'ما', 'ماذا', 'كم', 'عندكم', 'لديكم', 'ابي', 'ابغى', 'اريد', 'يا', 'و', 'the', 'a', 'an', 'is', 'are', 'do', 'you', 'have', 'what', 'how', 'in', 'of', 'for', 'to', 'i', 'me', 'please', 'any'].map(normalizeSearchText),
);

/** The words of a text as the index keeps them (normalised, stems beside the whole word). */
export function indexWords(text: string): string[] {
  const out = new Set<string>();
  for (const word of normalizeSearchText(text).split(/[^\p{L}\p{N}]+/u)) {
    if (word.length < 2 || stop.has(word)) continue;
    out.add(word);
    for (const p of prefixes) {
      if (word.startsWith(p) && word.length - p.length >= 2) {
        out.add(word.slice(p.length));
        break;
      }
    }
  }
  return [...out];
}

/** A type's words, plurals too ("فلل" finds the villas). */
const typeWords: Record<string, string> = {
  apartment: 'شقة شقق apartment apartments flat flats',
  villa: 'فيلا فلل فله فيلات villa villas duplex',
  land: 'أرض ارض أراضي land plot plots',
  office: 'مكتب مكاتب office offices',
  shop: 'محل محلات shop shops',
  building: 'عمارة عمارات مبنى building buildings',
};

/**
 * Retrieval without an embedding model: an in-memory inverted index over the catalogue and the
 * FAQ, in the search's Arabic normalisation, rebuilt when either changes (the properties'
 * events, the FAQ's version). A question's words find the records holding most of them.
 */
export class RetrievalIndex {
  private built = false;
  private faqVersion = -1;
  private readonly properties = new Map<number, PropertyFacts>();
  private readonly faqs = new Map<number, FaqFacts>();
  private readonly words = new Map<string, { p: number[]; f: number[] }>();
  private nameList: { id: number; name: string }[] = [];
  private districtList: string[] = [];
  /** Each property's place words as district stems, so matching a question scans no text. */
  private readonly places = new Map<number, string>();
  private readonly q;

  constructor(
    private readonly deps: { sqlite: Database.Database; faqVersion: () => number },
  ) {
    const { sqlite } = deps;
    this.q = {
      properties: sqlite.prepare<[], PropertyRow>(
        "select id, name, type, listing, rent_period, status, city, district, location, price, bedrooms, area, description_ar, description_en from properties where status <> 'off_market'",
      ),
      property: sqlite.prepare<[number], PropertyRow>(
        'select id, name, type, listing, rent_period, status, city, district, location, price, bedrooms, area, description_ar, description_en from properties where id = ?',
      ),
      faqs: sqlite.prepare<[], FaqFacts>('select id, question, answer, language from ai_faq'),
    };
  }

  /** The catalogue changed: rebuilt at the next question. */
  invalidate(): void {
    this.built = false;
  }

  /** Every catalogue property's normalised name (for the reply's name check). */
  names(): readonly { id: number; name: string }[] {
    this.ensure();
    return this.nameList;
  }

  /** The catalogue's districts, as stored (a question naming one is recognised). */
  districts(): readonly string[] {
    this.ensure();
    return this.districtList;
  }

  /** Up to `limit` properties agreeing with every facet a question names, lowest id first. */
  matching(facets: QuestionFacets, limit: number): PropertyFacts[] {
    this.ensure();
    const out: PropertyFacts[] = [];
    for (const p of this.properties.values()) {
      if (out.length >= limit) break;
      if (facetsAgree(p.type, this.places.get(p.id) ?? '', facets)) out.push(p);
    }
    return out;
  }

  property(id: number): PropertyFacts | null {
    const row = this.q.property.get(id);
    return row ? toFacts(row) : null;
  }

  search(question: string, limits: { properties: number; faqs: number }): Found[] {
    this.ensure();
    const scores = { p: new Map<number, number>(), f: new Map<number, number>() };
    const hits = indexWords(question).flatMap((word) => {
      const hit = this.words.get(word);
      return hit ? [hit] : [];
    });
    // A word nearly every record holds ("الرياض", "حي") ranks nothing when rarer words are asked too.
    const common = Math.max(50, (this.properties.size + this.faqs.size) / 5);
    const rare = hits.filter((hit) => hit.p.length + hit.f.length <= common);
    for (const hit of rare.length > 0 ? rare : hits) {
      // Rare words weigh more: a district's name beats "شقة".
      const weight = 1 / Math.log2(2 + hit.p.length + hit.f.length);
      for (const id of hit.p) scores.p.set(id, (scores.p.get(id) ?? 0) + weight);
      for (const id of hit.f) scores.f.set(id, (scores.f.get(id) ?? 0) + weight);
    }
    const top = <T,>(m: Map<number, number>, n: number, get: (id: number) => T | undefined) =>
      [...m]
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, n)
        .flatMap(([id, score]) => {
          const facts = get(id);
          return facts ? [{ score, facts }] : [];
        });
    return [
      ...top(scores.f, limits.faqs, (id) => this.faqs.get(id)).map((f) => ({ kind: 'faq' as const, ...f })),
      ...top(scores.p, limits.properties, (id) => this.properties.get(id)).map((p) => ({ kind: 'property' as const, ...p })),
    ];
  }

  private ensure(): void {
    const faqVersion = this.deps.faqVersion();
    if (this.built && faqVersion === this.faqVersion) return;
    this.properties.clear();
    this.places.clear();
    this.faqs.clear();
    this.words.clear();
    this.nameList = [];
    const districts = new Set<string>();
    const add = (word: string, kind: 'p' | 'f', id: number) => {
      let entry = this.words.get(word);
      if (!entry) this.words.set(word, (entry = { p: [], f: [] }));
      const list = entry[kind];
      if (list[list.length - 1] !== id) list.push(id);
    };
    for (const row of this.q.properties.all()) {
      const facts = toFacts(row);
      this.properties.set(facts.id, facts);
      this.nameList.push({ id: facts.id, name: normalizeSearchText(facts.name) });
      if (facts.district) districts.add(facts.district);
      this.places.set(facts.id, placeText(facts));
      const text = [facts.name, facts.city, facts.district, facts.location, typeWords[facts.type] ?? facts.type, facts.listing === 'rent' ? 'إيجار ايجار rent' : 'بيع للبيع sale buy'].join(' ');
      for (const word of indexWords(text)) add(word, 'p', facts.id);
    }
    for (const faq of this.q.faqs.all()) {
      this.faqs.set(faq.id, faq);
      for (const word of indexWords(faq.question)) add(word, 'f', faq.id);
    }
    this.districtList = [...districts];
    this.built = true;
    this.faqVersion = faqVersion;
  }
}

interface PropertyRow {
  id: number;
  name: string;
  type: string;
  listing: string;
  rent_period: string | null;
  status: string;
  city: string | null;
  district: string | null;
  location: string | null;
  price: number | null;
  bedrooms: number | null;
  area: number | null;
  description_ar: string | null;
  description_en: string | null;
}

function toFacts(row: PropertyRow): PropertyFacts {
  return {
    id: row.id,
    name: row.name,
    type: row.type,
    listing: row.listing,
    rentPeriod: row.rent_period,
    status: row.status,
    city: row.city,
    district: row.district,
    location: row.location,
    price: row.price,
    bedrooms: row.bedrooms,
    area: row.area,
    description: row.description_ar ?? row.description_en,
  };
}
