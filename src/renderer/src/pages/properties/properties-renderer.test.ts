import { describe, expect, it } from 'vitest';
import type { PropertyView } from '../../../../shared/properties/types';
import { makeTranslate } from '../../i18n/translate';
import { parseWhole, propertyChanges, propertyFormValues, readPropertyForm } from './property-form';
import { formatPrice } from './property-labels';

describe('typing a price, bedrooms or an area', () => {
  it('reads Arabic-Indic and Persian digits and thousands separators as a Saudi keyboard writes them', () => {
    expect(parseWhole('٩٥٠٬٠٠٠')).toEqual({ value: 950_000 });
    expect(parseWhole('۱۲۰۰')).toEqual({ value: 1200 });
    expect(parseWhole(' 3,200,000 ')).toEqual({ value: 3_200_000 });
    expect(parseWhole('1 800 000')).toEqual({ value: 1_800_000 });
    expect(parseWhole('')).toEqual({ value: null });
  });

  it('says why a value is refused, in the core’s own field codes', () => {
    expect(parseWhole('-5')).toEqual({ error: { code: 'min_value', params: { min: 0 } } });
    expect(parseWhole('2.5')).toEqual({ error: { code: 'not_integer' } });
    expect(parseWhole('٢٫٥')).toEqual({ error: { code: 'not_integer' } });
    expect(parseWhole('مليون')).toEqual({ error: { code: 'invalid' } });
    expect(parseWhole('10000000000000')).toEqual({ error: { code: 'max_value', params: { max: 1_000_000_000_000 } } });
  });
});

describe('the property form', () => {
  it('refuses an empty name and a bad number together, each under its field', () => {
    const read = readPropertyForm({ ...propertyFormValues(), name: '  ', price: '-1', area: '12.5' });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.details).toEqual([expect.objectContaining({ field: 'name', code: 'required' }), expect.objectContaining({ field: 'price', code: 'min_value' }), expect.objectContaining({ field: 'area', code: 'not_integer' })]);
  });

  it('sends only what changed, and nothing when nothing did', () => {
    const property: PropertyView = { id: 7, name: 'فيلا حطين', type: 'villa', location: 'حطين', price: 3_200_000, bedrooms: 6, area: 450, status: 'available', photos: [], createdAt: '', updatedAt: '' };
    const same = readPropertyForm(propertyFormValues(property));
    expect(same.ok && propertyChanges(property, same.values)).toBeUndefined();
    const sold = readPropertyForm({ ...propertyFormValues(property), status: 'sold', location: ' ', price: '٣٬٠٠٠٬٠٠٠' });
    expect(sold.ok && propertyChanges(property, sold.values)).toEqual({ id: 7, status: 'sold', location: null, price: 3_000_000 });
  });

  it('shows prices in riyals with Latin digits in both languages', () => {
    expect(formatPrice(makeTranslate('ar'), 'ar', 950_000)).toBe('950,000 ر.س');
    expect(formatPrice(makeTranslate('en'), 'en', 950_000)).toBe('SAR 950,000');
  });
});
