import { describe, expect, it } from 'vitest';
import type { PropertyView } from '../../../../shared/properties/types';
import { zodDetails } from '../../../../shared/zod-details';
import { makeTranslate } from '../../i18n/translate';
import { parseWhole, propertyChanges, propertyFormSchema, propertyFormValues } from './property-form';
import { formatPrice } from './property-labels';

describe('typing bedrooms or an area', () => {
  it('reads Arabic-Indic and Persian digits and thousands separators as a Saudi keyboard writes them', () => {
    expect(parseWhole('٩٥٠٬٠٠٠')).toEqual({ value: 950_000 });
    expect(parseWhole('۱۲۰۰')).toEqual({ value: 1200 });
    expect(parseWhole(' 3,200,000 ')).toEqual({ value: 3_200_000 });
    expect(parseWhole('')).toEqual({ value: null });
  });

  it('says why a value is refused, in the core’s own field codes', () => {
    expect(parseWhole('-5')).toEqual({ error: { code: 'min_value', params: { min: 0 } } });
    expect(parseWhole('2.5')).toEqual({ error: { code: 'not_integer' } });
    expect(parseWhole('مليون')).toEqual({ error: { code: 'invalid' } });
  });
});

const villa: PropertyView = {
  id: 7, name: 'فيلا حطين', type: 'villa', location: 'حطين', price: 320_000_000, bedrooms: 6, area: 450, status: 'available', photos: [],
  listing: 'sale', rentPeriod: null, city: 'الرياض', district: 'حطين', branch: null, owner: null, adLicenceNumber: null, adLicenceExpiry: null,
  descriptionAr: null, descriptionEn: null, createdAt: '', updatedAt: '',
};

describe('the property form', () => {
  const check = (values: ReturnType<typeof propertyFormValues>) => {
    const parsed = propertyFormSchema.safeParse(values);
    return parsed.success ? { ok: true as const, values: parsed.data } : { ok: false as const, details: zodDetails(parsed.error, values) };
  };

  it('refuses an empty name, shorthand money and a bad area, then a rent without its period, each under its field', () => {
    const read = check({ ...propertyFormValues(), name: '  ', price: '1.5m', area: '12.5', listing: 'rent' });
    expect(read.ok).toBe(false);
    if (!read.ok) {
      const byField = Object.fromEntries(read.details.map((d) => [d.field, d.code]));
      expect(byField).toEqual({ name: 'required', price: 'invalid', area: 'not_integer' });
    }
    // Once the fields read, the rent is checked for its period.
    const rent = check({ ...propertyFormValues(), name: 'شقة', listing: 'rent' });
    expect(rent.ok ? [] : rent.details.map((d) => [d.field, d.code])).toEqual([['rentPeriod', 'required']]);
  });

  it('sends only what changed, with the price in halalas, and nothing when nothing did', () => {
    const same = check(propertyFormValues(villa));
    expect(same.ok && propertyChanges(villa, same.values)).toBeUndefined();
    const edited = check({ ...propertyFormValues(villa), status: 'sold', location: ' ', price: '١٬٥٠٠٬٠٠٠', adLicenceNumber: '7100012345', adLicenceExpiry: '2027-01-31' });
    expect(edited.ok && propertyChanges(villa, edited.values)).toEqual({ id: 7, status: 'sold', location: '', price: 150_000_000, adLicenceNumber: '7100012345', adLicenceExpiry: '2027-01-31' });
  });

  it('shows prices as money, and a rent per its period', () => {
    expect(formatPrice(makeTranslate('ar'), 'ar', 95_000_000)).toBe('950,000.00 ر.س');
    expect(formatPrice(makeTranslate('en'), 'en', 95_000_000)).toBe('SAR 950,000.00');
    expect(formatPrice(makeTranslate('en'), 'en', 6_500_000, { listing: 'rent', rentPeriod: 'yearly' })).toBe('SAR 65,000.00 a year');
  });
});
