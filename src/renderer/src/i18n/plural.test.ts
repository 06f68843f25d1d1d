import { describe, expect, it } from 'vitest';
import { plural } from './plural';
import { makeTranslate } from './translate';

describe('counted phrases', () => {
  it('uses all six Arabic plural forms', () => {
    const t = makeTranslate('ar');
    const say = (n: number) => plural(t, 'ar', 'activity.shown', n);
    expect([0, 1, 2, 3, 11, 100].map(say)).toEqual([
      'لا عمليات معروضة',
      'عملية واحدة معروضة',
      'عمليتان معروضتان',
      '3 عمليات معروضة',
      '11 عملية معروضة',
      '100 عملية معروضة',
    ]);
  });

  it('says "1 action" and "2 actions" in English, never "1 times", with grouped digits', () => {
    const t = makeTranslate('en');
    expect(plural(t, 'en', 'activity.shown', 1)).toBe('1 action shown');
    expect(plural(t, 'en', 'activity.shown', 2)).toBe('2 actions shown');
    expect(plural(t, 'en', 'activity.shown', 1250)).toBe('1,250 actions shown');
    // English has no "zero" form in CLDR: 0 takes "other".
    expect(plural(t, 'en', 'activity.shown', 0)).toBe('0 actions shown');
  });
});
