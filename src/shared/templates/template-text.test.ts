import { describe, expect, it } from 'vitest';
import { fillTemplate, missingVariables, parseTemplate, templateSegments } from './template-text';

describe('template text', () => {
  it('finds each variable once, in order, with spaces inside the braces ignored', () => {
    expect(parseTemplate('مرحباً {{customer_name}}، موعدك {{ appointment_date }} يا {{customer_name}} في {{الحي}}')).toEqual({
      variables: ['customer_name', 'appointment_date', 'الحي'],
      problems: [],
    });
  });

  it('reports braces without a partner and names that are not names', () => {
    expect(parseTemplate('أهلاً {{customer_name').problems).toEqual([{ code: 'unbalanced_braces' }]);
    expect(parseTemplate('أهلاً customer_name}}').problems).toEqual([{ code: 'unbalanced_braces' }]);
    expect(parseTemplate('{{}} {{a-b}} {{first name}}').problems).toEqual([
      { code: 'invalid_variable', name: '' },
      { code: 'invalid_variable', name: 'a-b' },
      { code: 'invalid_variable', name: 'first name' },
    ]);
    // Single braces are ordinary text.
    expect(parseTemplate('السعر {850} ريال').problems).toEqual([]);
  });

  it('fills every placeholder once, leaving values that look like placeholders as typed', () => {
    expect(fillTemplate('{{a}} و {{ b }} و {{a}} و {{c}}', { a: 'س', b: '{{a}}' })).toBe('س و {{a}} و س و {{c}}');
    expect(missingVariables(['a', 'b', 'c'], { a: 'x', b: '   ' })).toEqual(['b', 'c']);
  });

  it('cuts the text at its variables for display', () => {
    expect(templateSegments('أهلاً {{name}}!')).toEqual([
      { kind: 'text', text: 'أهلاً ' },
      { kind: 'variable', name: 'name' },
      { kind: 'text', text: '!' },
    ]);
  });
});
