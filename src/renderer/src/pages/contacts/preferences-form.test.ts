import { describe, expect, it } from 'vitest';
import { zodDetails } from '../../../../shared/zod-details';
import { preferencesForm } from './preferences-form';

const blank = { budgetMin: '', budgetMax: '', city: '', districts: '', propertyTypes: [], bedrooms: '' };

describe('the contact preferences form', () => {
  it('turns what was typed into the contract’s preferences: riyals to halalas, districts split on either comma, bedrooms in Arabic digits', () => {
    const parsed = preferencesForm.parse({ ...blank, budgetMin: '700,000', budgetMax: '900000', city: ' الرياض ', districts: 'الياسمين، النرجس, الملقا', propertyTypes: ['villa'], bedrooms: '٣' });
    expect(parsed).toEqual({ budgetMin: 70_000_000, budgetMax: 90_000_000, city: 'الرياض', districts: ['الياسمين', 'النرجس', 'الملقا'], propertyTypes: ['villa'], bedrooms: 3 });
  });

  it('names the field the core would name: a maximum below the minimum, bedrooms that are not a number', () => {
    const parsed = preferencesForm.safeParse({ ...blank, budgetMin: '900,000', budgetMax: '800,000', bedrooms: 'ثلاث' });
    expect(parsed.success).toBe(false);
    const fields = zodDetails(parsed.error!, {}).map((d) => d.field);
    expect(fields).toEqual(expect.arrayContaining(['bedrooms']));
    const range = preferencesForm.safeParse({ ...blank, budgetMin: '900,000', budgetMax: '800,000' });
    expect(zodDetails(range.error!, {}).map((d) => d.field)).toEqual(['budgetMax']);
  });
});
