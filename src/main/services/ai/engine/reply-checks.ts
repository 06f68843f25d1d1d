import type { AiCheck } from '../../../../shared/ai/types';
import { latinDigits } from '../../../../shared/money';
import { normalizeSearchText } from '../../../../shared/search-text';
import type { Offered } from './prompt';

/** The numbers a text states ("850,000" → 850000, "١٢٠" → 120, "1.2" → 1.2). */
export function numbersIn(text: string): number[] {
  const plain = latinDigits(text).replace(/(\d)[,٬](?=\d{3}\b)/g, '$1').replace(/٫/g, '.');
  return [...plain.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
}

const currency = /(ريال|ر\.س|ر س|sar\b|riyals?\b|﷼)/i;

export interface CheckInput {
  reply: string;
  /** The records the model says it used (already limited to what was offered). */
  used: Offered[];
  /** Every catalogue property's name, normalised, with its id: a reply naming one it did not use fails. */
  catalogueNames: readonly { id: number; name: string }[];
  /** Text the customer or the office wrote in this episode or the settings: its numbers may be repeated. */
  context: string[];
  mayQuotePrices: boolean;
}

/**
 * Every figure and property name in a reply must come from a record the model used (or the
 * customer's own words); prices only when the office allows them. A failed check means nothing is
 * sent and a person takes over.
 */
export function checkReply(input: CheckInput): AiCheck[] {
  const allowed = new Set<number>();
  const allow = (n: number | null) => {
    if (n !== null) allowed.add(n);
  };
  const prices = new Set<number>();
  for (const record of input.used) {
    if (record.kind === 'property') {
      const p = record.facts;
      allow(p.bedrooms);
      allow(p.area);
      if (p.price !== null) {
        const riyals = p.price / 100;
        for (const v of [riyals, riyals / 1000, Math.round(riyals / 10_000) / 100, riyals / 1_000_000]) {
          allow(v);
          prices.add(v);
        }
      }
      for (const text of [p.name, p.district, p.city, p.location, p.description]) if (text) numbersIn(text).forEach(allow);
    } else {
      numbersIn(`${record.facts.question}\n${record.facts.answer}`).forEach(allow);
    }
  }
  for (const text of input.context) numbersIn(text).forEach(allow);

  const stated = numbersIn(input.reply);
  const unknown = stated.filter((n) => !allowed.has(n));
  const checks: AiCheck[] = [
    { name: 'figures', ok: unknown.length === 0, detail: unknown.length === 0 ? `${stated.length} figure(s), all from the records used` : `not in the records used: ${unknown.join(', ')}` },
  ];

  const quoted = stated.filter((n) => prices.has(n));
  const pricesOk = input.mayQuotePrices || (quoted.length === 0 && !(currency.test(input.reply) && stated.length > 0));
  checks.push({ name: 'prices_allowed', ok: pricesOk, detail: pricesOk ? (input.mayQuotePrices ? 'prices may be quoted' : 'no price quoted') : 'a price was quoted but the office does not allow it' });

  const reply = normalizeSearchText(input.reply);
  const usedIds = new Set(input.used.filter((r) => r.kind === 'property').map((r) => r.facts.id));
  const named = input.catalogueNames.filter((p) => !usedIds.has(p.id) && p.name.length >= 4 && reply.includes(p.name));
  checks.push({
    name: 'property_names',
    ok: named.length === 0,
    detail: named.length === 0 ? 'names only properties it used' : `names properties it did not use: ${named.map((p) => p.id).join(', ')}`,
  });
  return checks;
}
