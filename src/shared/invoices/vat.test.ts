import { describe, expect, it } from 'vitest';
import { createDraftInput, quantityInput } from './schemas';
import { documentTotals, lineNet, plainAmount, quantityText, rateOn, saudiVatRates, vatOf } from './vat';
import { isVatNumber, optionalVatNumberInput } from './vat-number';

describe('VAT in integer halalas, half up', () => {
  it('703,435.54 at 15% is 105,515.33', () => {
    expect(vatOf(70_343_554, 1500)).toBe(10_551_533);
  });

  it('0.10 at 15% is 0.02 (0.015 rounds up)', () => {
    expect(vatOf(10, 1500)).toBe(2);
  });

  it('stays exact when quantity × price passes 2^53 (a million units at 90,071.99)', () => {
    expect(lineNet(1_000_000_000, 9_007_199)).toBe(9_007_199_000_000);
    expect(lineNet(1_500, 3_333_333_333_333)).toBe(5_000_000_000_000);
    expect(vatOf(99_999_999_999_999, 1500)).toBe(15_000_000_000_000);
  });

  it('a line is quantity × unit price to the halala (2.5 × 0.33 = 0.825 → 0.83)', () => {
    expect(lineNet(2500, 33)).toBe(83);
  });

  it('totals VAT per category, only standard lines at the rate; an office not registered charges none', () => {
    const lines = [
      { quantityMilli: 1000, unitPrice: 100_000, vatCategory: 'standard' as const },
      { quantityMilli: 2000, unitPrice: 5, vatCategory: 'standard' as const },
      { quantityMilli: 1000, unitPrice: 50_000, vatCategory: 'exempt' as const },
      { quantityMilli: 1000, unitPrice: 700, vatCategory: 'zero_rated' as const },
    ];
    const totals = documentTotals(lines, 1500, true);
    expect(totals.byCategory).toEqual([
      { category: 'standard', rateBasisPoints: 1500, net: 100_010, vat: 15_002 },
      { category: 'zero_rated', rateBasisPoints: 0, net: 700, vat: 0 },
      { category: 'exempt', rateBasisPoints: 0, net: 50_000, vat: 0 },
    ]);
    expect(totals).toMatchObject({ net: 150_710, vat: 15_002, total: 165_712 });
    expect(documentTotals(lines, 1500, false)).toMatchObject({ net: 150_710, vat: 0, total: 150_710 });
  });

  it('takes the rate of the supply date: 5% until 30 June 2020, 15% from 1 July 2020', () => {
    expect(rateOn(saudiVatRates, '2020-06-30')).toBe(500);
    expect(rateOn(saudiVatRates, '2020-07-01')).toBe(1500);
    expect(rateOn(saudiVatRates, '2017-12-31')).toBe(0);
  });

  it('writes amounts and quantities the way the QR and the canonical form do', () => {
    expect(plainAmount(100_000)).toBe('1000.00');
    expect(plainAmount(15_005)).toBe('150.05');
    expect(quantityText(2500)).toBe('2.5');
    expect(quantityText(1000)).toBe('1');
  });
});

describe('typed inputs', () => {
  it('reads quantities with up to three decimals, in Arabic-Indic digits too, and refuses zero or four decimals', () => {
    expect(quantityInput.parse('2.5')).toBe(2500);
    expect(quantityInput.parse('٣')).toBe(3000);
    // A number is thousandths already: a form's parsed values pass the router's check unchanged.
    expect(quantityInput.parse(quantityInput.parse('2.5'))).toBe(2500);
    expect(quantityInput.safeParse('0').success).toBe(false);
    expect(quantityInput.safeParse('1.2345').success).toBe(false);
  });

  it('a VAT number is 15 digits with 3 first and last; blank means none', () => {
    expect(isVatNumber('310122393500003')).toBe(true);
    expect(isVatNumber('210122393500003')).toBe(false);
    expect(isVatNumber('310122393500002')).toBe(false);
    expect(isVatNumber('31012239350003')).toBe(false);
    expect(optionalVatNumberInput.parse('٣١٠١٢٢٣٩٣٥٠٠٠٠٣')).toBe('310122393500003');
    expect(optionalVatNumberInput.parse('')).toBeNull();
    expect(optionalVatNumberInput.parse(undefined)).toBeUndefined();
    expect(optionalVatNumberInput.safeParse('300000000000002').success).toBe(false);
  });

  it('a draft parsed by the form and parsed again by the router is the same draft', () => {
    const typed = { contactId: 1, buyerVatNumber: '٣١٠١٢٢٣٩٣٥٠٠٠٠٣', lines: [{ descriptionAr: 'عمولة', quantity: '1.5', unitPrice: '43,750.00', vatCategory: 'standard' }] };
    const once = createDraftInput.parse(typed);
    expect(createDraftInput.parse(once)).toEqual(once);
    expect(once.lines[0]).toMatchObject({ quantity: 1500, unitPrice: 4_375_000 });
  });

  it('an exempt line needs its reason', () => {
    const line = { descriptionAr: 'إيجار سكني', quantity: '1', unitPrice: '1,000', vatCategory: 'exempt' };
    expect(createDraftInput.safeParse({ contactId: 1, lines: [line] }).success).toBe(false);
    expect(createDraftInput.safeParse({ contactId: 1, lines: [{ ...line, exemptionReason: 'إيجار سكني معفى' }] }).success).toBe(true);
  });
});
