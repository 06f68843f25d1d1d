import type { CategoryTotal, DocumentTotals, VatCategory } from './types';
import { vatCategories } from './types';

/**
 * VAT arithmetic in integers: halalas, quantities in thousandths, rates in basis points
 * (1500 = 15%). Every division rounds half up to the halala, computed with BigInt so a
 * product past 2^53 is still exact. The core and the editor's live totals use these same
 * functions, so what the screen shows is what gets issued.
 */

/** a / b rounded half up (a, b ≥ 0). */
export function divideHalfUp(a: bigint, b: bigint): bigint {
  return (a * 2n + b) / (b * 2n);
}

/** quantity (thousandths) × unit price (halalas), to the halala. */
export function lineNet(quantityMilli: number, unitPrice: number): number {
  return Number(divideHalfUp(BigInt(quantityMilli) * BigInt(unitPrice), 1000n));
}

/** A category's VAT: its net × rate, rounded half up to the halala. */
export function vatOf(net: number, rateBasisPoints: number): number {
  return Number(divideHalfUp(BigInt(net) * BigInt(rateBasisPoints), 10_000n));
}

/** A share of an amount, e.g. a 2.5% commission (250 basis points), to the halala. */
export function shareOf(amount: number, basisPoints: number): number {
  return vatOf(amount, basisPoints);
}

export interface LineForTotals {
  quantityMilli: number;
  unitPrice: number;
  vatCategory: VatCategory;
}

/**
 * A document's totals per VAT category and overall. Only standard-rated lines carry VAT, at the
 * rate of the supply date; an office not registered for VAT charges none at all.
 */
export function documentTotals(lines: readonly LineForTotals[], standardRateBasisPoints: number, vatRegistered: boolean): DocumentTotals {
  const nets = new Map<VatCategory, number>();
  for (const line of lines) nets.set(line.vatCategory, (nets.get(line.vatCategory) ?? 0) + lineNet(line.quantityMilli, line.unitPrice));
  const byCategory: CategoryTotal[] = [];
  for (const category of vatCategories) {
    const net = nets.get(category);
    if (net === undefined) continue;
    const rateBasisPoints = vatRegistered && category === 'standard' ? standardRateBasisPoints : 0;
    byCategory.push({ category, rateBasisPoints, net, vat: vatOf(net, rateBasisPoints) });
  }
  const net = byCategory.reduce((sum, c) => sum + c.net, 0);
  const vat = byCategory.reduce((sum, c) => sum + c.vat, 0);
  return { net, vat, total: net + vat, byCategory };
}

/** A dated VAT rate: from this office day on (until the next one starts). */
export interface DatedRate {
  from: string;
  basisPoints: number;
}

/** Saudi VAT: 5% from its start in 2018, 15% since 1 July 2020. */
export const saudiVatRates: DatedRate[] = [
  { from: '2018-01-01', basisPoints: 500 },
  { from: '2020-07-01', basisPoints: 1500 },
];

/** The standard rate on an office day (YYYY-MM-DD): the latest rate that started on or before it; 0 before any. */
export function rateOn(rates: readonly DatedRate[], day: string): number {
  let found: DatedRate | null = null;
  for (const rate of rates) if (rate.from <= day && (found === null || rate.from > found.from)) found = rate;
  return found?.basisPoints ?? 0;
}

/** Thousandths → "2.5", "1", "0.125". */
export function quantityText(quantityMilli: number): string {
  const whole = Math.floor(quantityMilli / 1000);
  const fraction = String(quantityMilli % 1000).padStart(3, '0').replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : String(whole);
}

/** halalas → "1000.00" (no grouping), as the QR and the canonical form write amounts. */
export function plainAmount(amount: number): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
