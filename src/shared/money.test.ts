import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatMoney, maxHalalas, moneyFieldText, moneyInput, optionalMoneyInput, parseMoney } from './money';
import { zodDetails } from './zod-details';

const form = z.object({ price: moneyInput });

function refusal(price: unknown) {
  const result = form.safeParse({ price });
  if (result.success) throw new Error(`expected ${JSON.stringify(price)} to be refused, got ${result.data.price}`);
  return zodDetails(result.error, { price });
}

describe('typed money becomes integer halalas', () => {
  it.each([
    ['1,500,000.5', 150_000_050],
    ['1,500,000', 150_000_000],
    ['1500000', 150_000_000],
    ['1500000.25', 150_000_025],
    ['١٬٥٠٠٬٠٠٠', 150_000_000],
    ['١٥٠٠٠٠٠٫٧٥', 150_000_075],
    ['۱۲۳۴', 123_400],
    [' 1 500 000 ', 150_000_000],
    ['0', 0],
    ['0.01', 1],
    ['10,000,000,000', maxHalalas],
  ])('%s is %d halalas', (text, expected) => {
    expect(parseMoney(text)).toEqual({ ok: true, halalas: expected });
    expect(form.parse({ price: text }).price).toBe(expected);
  });

  it('an integer of halalas from a caller passes as it is', () => {
    expect(form.parse({ price: 150_000_000 }).price).toBe(150_000_000);
  });
});

describe('money the office could not mean is refused on its field', () => {
  it('shorthand such as 1.5m', () => {
    expect(parseMoney('1.5m')).toEqual({ ok: false, reason: 'format' });
    expect(refusal('1.5m')).toEqual([expect.objectContaining({ field: 'price', code: 'invalid' })]);
  });

  it.each(['abc', '1,50,000', '1.2.3', '$100', '١٬٥٠٠ ر.س', ''])('%j', (text) => {
    const [detail] = refusal(text);
    expect(detail?.field).toBe('price');
    expect(['invalid', 'required']).toContain(detail?.code);
  });

  it('an empty amount is "required"', () => {
    expect(refusal('')).toEqual([expect.objectContaining({ field: 'price', code: 'required' })]);
  });

  it('more than two decimals (a halala is the smallest coin)', () => {
    expect(parseMoney('1500.505')).toEqual({ ok: false, reason: 'decimals' });
    expect(parseMoney('١٥٠٠٫٥٠٥')).toEqual({ ok: false, reason: 'decimals' });
    expect(refusal('1500.505')).toEqual([expect.objectContaining({ field: 'price', code: 'invalid', message: expect.stringMatching(/two decimals/) })]);
  });

  it('a negative amount, typed or as halalas', () => {
    expect(parseMoney('-5')).toEqual({ ok: false, reason: 'negative' });
    expect(refusal('-5')).toEqual([expect.objectContaining({ field: 'price', code: 'min_value', params: { min: 0 } })]);
    expect(refusal(-1)).toEqual([expect.objectContaining({ field: 'price', code: 'min_value' })]);
  });

  it('over 10^12 halalas, typed or as halalas, even far past the safe-integer range', () => {
    expect(parseMoney('10,000,000,000.01')).toEqual({ ok: false, reason: 'too_large' });
    expect(parseMoney('9'.repeat(30))).toEqual({ ok: false, reason: 'too_large' });
    expect(refusal('10000000000.01')).toEqual([expect.objectContaining({ field: 'price', code: 'max_value', params: { max: maxHalalas } })]);
    expect(refusal(maxHalalas + 1)).toEqual([expect.objectContaining({ field: 'price', code: 'max_value' })]);
  });

  it('a fraction of a halala given as a number', () => {
    expect(refusal(10.5)).toEqual([expect.objectContaining({ field: 'price', code: 'invalid' })]);
  });
});

describe('money is shown in the language and digits the office chose', () => {
  it('Arabic with Latin digits', () => {
    expect(formatMoney(150_000_000, 'ar', 'latn')).toBe('1,500,000.00 ر.س');
  });
  it('English with Latin digits', () => {
    expect(formatMoney(150_000_000, 'en', 'latn')).toBe('SAR 1,500,000.00');
  });
  it('Arabic with Arabic-Indic digits and separators', () => {
    expect(formatMoney(150_000_050, 'ar', 'arab')).toBe('١٬٥٠٠٬٠٠٠٫٥٠ ر.س');
  });
  it('English with Arabic-Indic digits', () => {
    expect(formatMoney(1, 'en', 'arab')).toBe('SAR ٠٫٠١');
  });
  it('the largest amount keeps every halala', () => {
    expect(formatMoney(maxHalalas - 1, 'en', 'latn')).toBe('SAR 9,999,999,999.99');
  });
  it('what is shown parses back to the same halalas, in both digit styles', () => {
    for (const amount of [0, 1, 99, 150_000_050, maxHalalas]) {
      for (const digits of ['latn', 'arab'] as const) {
        const shown = formatMoney(amount, 'ar', digits).replace(' ر.س', '');
        expect(parseMoney(shown)).toEqual({ ok: true, halalas: amount });
      }
    }
    expect(parseMoney(moneyFieldText(123_456_78))).toEqual({ ok: true, halalas: 123_456_78 });
  });
});

describe('an optional money field', () => {
  const optional = z.object({ price: optionalMoneyInput });
  it('reads blank or null as no amount, and anything else as money', () => {
    expect(optional.parse({ price: '  ' }).price).toBeNull();
    expect(optional.parse({ price: null }).price).toBeNull();
    expect(optional.parse({ price: '١٬٥٠٠٬٠٠٠' }).price).toBe(150_000_000);
  });
  it('still refuses what money refuses', () => {
    const result = optional.safeParse({ price: '1.5m' });
    expect(result.success).toBe(false);
    if (!result.success) expect(zodDetails(result.error, { price: '1.5m' })).toEqual([expect.objectContaining({ field: 'price', code: 'invalid' })]);
  });
});
