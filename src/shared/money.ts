import { z } from 'zod';

/**
 * Money is integer halalas (1 riyal = 100 halalas) end to end: typed text is parsed once at the
 * boundary (`moneyInput`), stored and compared as an integer, and turned back into text only for
 * display (`formatMoney`). No float ever holds a price, so 0.1 + 0.2 never shows up in a quote.
 */

/** The largest amount accepted: 10 billion riyals, far past any property, well inside 2^53. */
export const maxHalalas = 1_000_000_000_000;

export const halalas = z.number().int().min(0).max(maxHalalas);

/** Why typed money was refused; the field error says it in the seed's codes (see `moneyInput`). */
export type MoneyRefusal = 'empty' | 'format' | 'decimals' | 'negative' | 'too_large';

export type ParsedMoney = { ok: true; halalas: number } | { ok: false; reason: MoneyRefusal };

// Arabic-Indic (U+0660…) and Extended Arabic-Indic / Persian (U+06F0…) digits, as typed on Arabic
// and Urdu/Persian keyboards; Arabic thousands (٬ U+066C) and decimal (٫ U+066B) separators.
const arabicDigitRuns = /[\u0660-\u0669\u06F0-\u06F9]/g;
/** Arabic-Indic and Persian digits → 0-9; everything else as it is. */
export function latinDigits(text: string): string {
  return text.replace(arabicDigitRuns, (d) => String(d.charCodeAt(0) & 0x0f));
}

/** Grouped ("1,500,000") or plain ("1500000") whole part, an optional fraction of any length (checked after). */
const moneyShape = /^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/**
 * "1,500,000.5", "١٬٥٠٠٬٠٠٠", "1500000" → halalas. Refuses shorthand ("1.5m"), more than two
 * decimals (a halala is the smallest unit), a sign, and anything past `maxHalalas`.
 */
export function parseMoney(text: string): ParsedMoney {
  const cleaned = latinDigits(text)
    .replace(/[\s\u00A0\u202F\u200E\u200F]/g, '')
    .replace(/\u066C/g, ',')
    .replace(/\u066B/g, '.');
  if (cleaned === '') return { ok: false, reason: 'empty' };
  if (/^[-\u2212]/.test(cleaned)) return { ok: false, reason: 'negative' };
  if (!moneyShape.test(cleaned)) return { ok: false, reason: 'format' };
  const [grouped = '', fraction = ''] = cleaned.split('.');
  if (fraction.length > 2) return { ok: false, reason: 'decimals' };
  const whole = grouped.replace(/,/g, '');
  // BigInt so a 40-digit paste is judged too large instead of being rounded into range.
  const amount = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0') || '0');
  if (amount > BigInt(maxHalalas)) return { ok: false, reason: 'too_large' };
  return { ok: true, halalas: Number(amount) };
}

/**
 * A money field: typed text (the form's) or an integer of halalas (a caller that already has
 * one), out as halalas. Refusals use the seed's field codes so every form already knows them:
 * `required`, `invalid` (shorthand, stray letters, too many decimals: the message says which),
 * `min_value` (negative), `max_value` (past `maxHalalas`).
 */
export const moneyInput = z.union([z.string().max(40), z.number()]).transform((value, ctx): number => toHalalas(value, ctx));

/** A money field that may be left empty: blank text or null is "no amount" (null). */
export const optionalMoneyInput = z
  .union([z.string().max(40), z.number(), z.null()])
  .transform((value, ctx): number | null => (value === null || (typeof value === 'string' && value.trim() === '') ? null : toHalalas(value, ctx)));

function toHalalas(value: string | number, ctx: z.RefinementCtx): number {
  if (typeof value === 'number') {
    const checked = halalas.safeParse(value);
    if (checked.success) return checked.data;
    if (value < 0) ctx.addIssue({ code: 'too_small', origin: 'number', minimum: 0, inclusive: true, input: value, message: 'Amount cannot be negative' });
    else if (value > maxHalalas) ctx.addIssue({ code: 'too_big', origin: 'number', maximum: maxHalalas, inclusive: true, input: value, message: 'Amount is too large' });
    else ctx.addIssue({ code: 'custom', input: value, message: 'Amount must be whole halalas' });
    return z.NEVER;
  }
  const parsed = parseMoney(value);
  if (parsed.ok) return parsed.halalas;
  switch (parsed.reason) {
    case 'empty':
      ctx.addIssue({ code: 'custom', input: value, message: 'required' });
      break;
    case 'negative':
      ctx.addIssue({ code: 'too_small', origin: 'number', minimum: 0, inclusive: true, input: value, message: 'Amount cannot be negative' });
      break;
    case 'too_large':
      ctx.addIssue({ code: 'too_big', origin: 'number', maximum: maxHalalas, inclusive: true, input: value, message: 'Amount is too large' });
      break;
    case 'decimals':
      ctx.addIssue({ code: 'custom', input: value, message: 'At most two decimals (halalas)' });
      break;
    default:
      ctx.addIssue({ code: 'custom', input: value, message: 'Write the amount in digits, e.g. 1,500,000' });
  }
  return z.NEVER;
}

/** Which digits numbers are shown in: the office's display setting. */
export type DigitStyle = 'latn' | 'arab';
export type MoneyLanguage = 'ar' | 'en';

const formatters = new Map<string, Intl.NumberFormat>();
function amountFormat(language: MoneyLanguage, digits: DigitStyle): Intl.NumberFormat {
  const locale = `${language}-u-nu-${digits}`;
  let format = formatters.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: true });
    formatters.set(locale, format);
  }
  return format;
}

/** halalas → "1,500,000.00" (grouped, two decimals) in the chosen digits, no currency. */
export function formatAmount(amount: number, language: MoneyLanguage, digits: DigitStyle): string {
  const sign = amount < 0 ? '-' : '';
  const abs = Math.abs(Math.trunc(amount));
  // Formatted from a decimal string so the fraction is exactly the halalas, never a float's.
  const decimal = `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return amountFormat(language, digits).format(decimal as unknown as number);
}

/** halalas → "1,500,000.00 ر.س" (ar) / "SAR 1,500,000.00" (en), in the office's digits. */
export function formatMoney(amount: number, language: MoneyLanguage, digits: DigitStyle = 'latn'): string {
  const figure = formatAmount(amount, language, digits);
  return language === 'ar' ? `${figure} ر.س` : `SAR ${figure}`;
}

/** halalas → the text a money field starts with when editing ("1500000.5" → "1,500,000.50"), Latin digits. */
export function moneyFieldText(amount: number): string {
  return formatAmount(amount, 'en', 'latn');
}
