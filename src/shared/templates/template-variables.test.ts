import { describe, expect, it } from 'vitest';
import { fillTemplate, missingVariables, parseTemplate, templateSegments } from './template-text';
import { canonicalVariable, knownVariables, variableKind, variableToken } from './template-variables';

describe('variables written in Arabic', () => {
  it('reads {{اسم_العميل}} as customer_name, once, beside the English spelling', () => {
    expect(parseTemplate('مرحباً {{اسم_العميل}}، موعدك {{ موعد_المعاينة }} يا {{customer_name}} في {{الحي}}')).toEqual({
      variables: ['customer_name', 'appointment_date', 'الحي'],
      problems: [],
    });
  });

  it('fills an Arabic placeholder from the English value, and the preview names it the same way', () => {
    const content = 'أهلاً {{اسم_العميل}}، نراك {{موعد_المعاينة}} لمعاينة {{property_name}}';
    expect(fillTemplate(content, { customer_name: 'نورة', appointment_date: 'الأحد', property_name: 'فيلا الملقا' })).toBe('أهلاً نورة، نراك الأحد لمعاينة فيلا الملقا');
    expect(missingVariables(parseTemplate(content).variables, { customer_name: 'نورة' })).toEqual(['appointment_date', 'property_name']);
    expect(templateSegments(content).filter((s) => s.kind === 'variable')).toEqual([
      { kind: 'variable', name: 'customer_name' },
      { kind: 'variable', name: 'appointment_date' },
      { kind: 'variable', name: 'property_name' },
    ]);
  });

  it('matches an Arabic name typed with another hamza form, ta marbuta as ha, or tashkeel', () => {
    expect(canonicalVariable('اسم_العميل')).toBe('customer_name');
    expect(canonicalVariable('إسم_العميل')).toBe('customer_name');
    expect(canonicalVariable('موعد_المعاينه')).toBe('appointment_date');
    expect(canonicalVariable('اسْم_العَميل')).toBe('customer_name');
    expect(canonicalVariable('اسم')).toBe('اسم');
    expect(canonicalVariable('customer_name')).toBe('customer_name');
  });

  it('has one Arabic name per variable, a valid one, and a field kind for dates and times', () => {
    const arabic = knownVariables.map((v) => v.arabic);
    expect(new Set(arabic).size).toBe(arabic.length);
    for (const v of knownVariables) expect(parseTemplate(variableToken(v.name, 'ar'))).toEqual({ variables: [v.name], problems: [] });
    expect(variableKind('موعد_المعاينة')).toBe('date');
    expect(variableKind('appointment_time')).toBe('time');
    expect(variableKind('الحي')).toBe('text');
  });
});
