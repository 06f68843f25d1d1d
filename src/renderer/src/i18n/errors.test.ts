import { describe, expect, it } from 'vitest';
import { describeError } from './errors';
import { makeTranslate } from './translate';

describe('describeError', () => {
  it('tells an agent in their language that the WhatsApp number, or the customer, is not theirs to work', () => {
    const error = { code: 'FORBIDDEN' as const, message: 'User does not have access to this WhatsApp number', details: 'number_not_allowed' };
    expect(describeError(makeTranslate('ar'), error).formMessage).toContain('رقم واتساب');
    expect(describeError(makeTranslate('en'), error).formMessage).toContain('WhatsApp number');
    const contact = { code: 'FORBIDDEN' as const, message: 'User does not have access to this contact', details: 'contact_not_allowed' };
    expect(describeError(makeTranslate('ar'), contact).formMessage).toBe(makeTranslate('ar')('reason.contact_not_allowed'));
    expect(describeError(makeTranslate('en'), contact).formMessage).toContain('not on a number you work');
    // Any other refusal keeps the general text.
    expect(describeError(makeTranslate('en'), { code: 'FORBIDDEN', message: 'nope' }).formMessage).toBe(makeTranslate('en')('error.FORBIDDEN'));
  });

  it('puts an assignment refusal under the agent choice', () => {
    const error = { code: 'VALIDATION_ERROR' as const, message: 'x', details: [{ field: 'agentId', code: 'no_access' as const, message: 'x' }] };
    expect(describeError(makeTranslate('ar'), error, ['agentId']).fields.agentId).toBe(makeTranslate('ar')('fieldError.no_access'));
  });
});

describe('first-run setup refusals', () => {
  it('tells someone on another computer, in their language, that the setup code is missing or wrong', () => {
    for (const reason of ['setup_code_required', 'setup_code_invalid'] as const) {
      const error = { code: 'FORBIDDEN' as const, message: 'x', details: reason };
      expect(describeError(makeTranslate('ar'), error).formMessage).toContain('رمز الإعداد');
      expect(describeError(makeTranslate('en'), error).formMessage).toContain('setup code');
    }
  });
});

describe('automation refusals', () => {
  it('tells the admin which automation rules still send a template they tried to delete, in their language', () => {
    const error = {
      code: 'CONFLICT' as const,
      message: 'Template is used by automation rules',
      details: [{ field: 'id', code: 'used_by_rules' as const, message: 'x', params: { rules: 'ترحيب، متابعة', count: 2 } }],
    };
    expect(describeError(makeTranslate('ar'), error, ['id']).fields.id).toContain('ترحيب، متابعة');
    expect(describeError(makeTranslate('en'), error, ['id']).fields.id).toMatch(/automation rules use it \(ترحيب، متابعة\)/);
  });

  it('names the variable a trigger cannot fill as the template writes it', () => {
    const error = { code: 'VALIDATION_ERROR' as const, message: 'x', details: [{ field: 'templateId', code: 'variable_not_fillable' as const, message: 'x', params: { name: 'appointment_date' } }] };
    expect(describeError(makeTranslate('ar'), error, ['templateId']).fields.templateId).toContain('{{appointment_date}}');
    expect(describeError(makeTranslate('en'), error, ['templateId']).fields.templateId).toContain('{{appointment_date}}');
  });
});
