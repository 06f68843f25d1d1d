import { describe, expect, it } from 'vitest';
import { automationTriggers, jobReasons, jobStatuses, triggerLabels } from '../../../../shared/automation/types';
import type { Language } from '../../i18n/dictionary';
import { plural, type PluralBase } from '../../i18n/plural';
import { makeTranslate } from '../../i18n/translate';
import { delayText, joinDelay, splitDelay } from './delay';
import { followUpForm } from './follow-up-form';
import { ruleForm, ruleFormDefaults } from './rule-form';

const words = (language: Language) => {
  const t = makeTranslate(language);
  return { t, plural: (base: PluralBase, count: number) => plural(t, language, base, count) };
};

describe('automation screens: words', () => {
  it('names every trigger with seed 003’s labels, and every job status and reason in both languages', () => {
    const ar = makeTranslate('ar');
    const en = makeTranslate('en');
    for (const trigger of automationTriggers) {
      expect(ar(`automation.trigger.${trigger}`)).toBe(triggerLabels[trigger].ar);
      expect(en(`automation.trigger.${trigger}`)).toBe(triggerLabels[trigger].en);
    }
    for (const status of jobStatuses) expect(ar(`automation.status.${status}`)).not.toBe(en(`automation.status.${status}`));
    for (const reason of jobReasons) expect(ar(`automation.reason.${reason}`)).not.toBe(`automation.reason.${reason}`);
  });

  it('says "would fire for N conversations now" in each of Arabic’s six plural forms', () => {
    const { plural: ar } = words('ar');
    expect([0, 1, 2, 3, 11, 100].map((n) => ar('automation.dryRun', n))).toEqual([
      'لن تُطلق الآن لأي محادثة',
      'ستُطلق الآن لمحادثة واحدة',
      'ستُطلق الآن لمحادثتين',
      'ستُطلق الآن لـ3 محادثات',
      'ستُطلق الآن لـ11 محادثة',
      'ستُطلق الآن لـ100 محادثة',
    ]);
    expect(words('en').plural('automation.dryRun', 37)).toBe('Would fire for 37 conversations now');
    expect(words('en').plural('automation.dryRun', 1)).toBe('Would fire for 1 conversation now');
  });

  it('counts the rules above the list in the language’s plural forms', () => {
    const counts = { active: 1, inactive: 1 };
    expect(plural(makeTranslate('ar'), 'ar', 'automation.meta', 2, counts)).toBe('قاعدتان — مفعّلة 1، متوقفة 1');
    expect(plural(makeTranslate('ar'), 'ar', 'automation.meta', 3, { active: 3, inactive: 0 })).toBe('3 قواعد — مفعّلة 3، متوقفة 0');
    expect(plural(makeTranslate('en'), 'en', 'automation.meta', 1, { active: 1, inactive: 0 })).toBe('1 rule — 1 on, 0 off');
  });
});

describe('automation screens: the delay', () => {
  it('shows a delay in the largest whole unit, and a negative reminder delay as "before the viewing"', () => {
    expect(splitDelay(1)).toEqual({ amount: 1, unit: 'minutes', direction: 'after' });
    expect(splitDelay(90)).toEqual({ amount: 90, unit: 'minutes', direction: 'after' });
    expect(splitDelay(2880)).toEqual({ amount: 2, unit: 'days', direction: 'after' });
    expect(splitDelay(-1440)).toEqual({ amount: 1, unit: 'days', direction: 'before' });
    expect(splitDelay(-120)).toEqual({ amount: 2, unit: 'hours', direction: 'before' });
    expect(splitDelay(0)).toEqual({ amount: 0, unit: 'minutes', direction: 'after' });
    const { t, plural: ar } = words('ar');
    expect(delayText(t, ar, 'new_inquiry', 1)).toBe('بعد دقيقة واحدة');
    expect(delayText(t, ar, 'no_response_24h', 1440)).toBe('بعد يوم واحد');
    expect(delayText(t, ar, 'appointment_reminder', -1440)).toBe('يوم واحد قبل المعاينة');
    expect(delayText(t, ar, 'appointment_reminder', -180)).toBe('3 ساعات قبل المعاينة');
    expect(delayText(t, ar, 'new_inquiry', 0)).toBe('فورًا');
    const en = words('en');
    expect(delayText(en.t, en.plural, 'appointment_reminder', -1440)).toBe('1 day before the viewing');
    expect(delayText(en.t, en.plural, 'follow_up', 180)).toBe('after 3 hours');
  });

  it('makes "before" negative only on reminders: a welcome typed "before" still waits', () => {
    expect(joinDelay({ amount: 1, unit: 'days', direction: 'before' }, 'appointment_reminder')).toBe(-1440);
    expect(joinDelay({ amount: 1, unit: 'days', direction: 'before' }, 'new_inquiry')).toBe(1440);
    expect(joinDelay({ amount: 2, unit: 'hours', direction: 'after' }, 'appointment_reminder')).toBe(120);
  });
});

describe('automation screens: the rule form sends createRuleInput', () => {
  const typed = { ...ruleFormDefaults(undefined), name: 'ترحيب', templateId: '4' };

  it('turns "1 minute, welcome template, all numbers" into the contract’s rule', () => {
    expect(ruleForm.parse({ ...typed, delayAmount: '1', delayUnit: 'minutes' })).toEqual({
      name: 'ترحيب',
      description: '',
      trigger: 'new_inquiry',
      delayMinutes: 1,
      templateId: 4,
      isActive: true,
      whatsappNumberId: null,
      officeHoursOnly: false,
    });
  });

  it('reads Arabic-Indic digits, a number’s id, and "a day before the viewing"', () => {
    const parsed = ruleForm.parse({ ...typed, trigger: 'appointment_reminder', delayAmount: '١', delayUnit: 'days', delayDirection: 'before', whatsappNumberId: '2' });
    expect(parsed.delayMinutes).toBe(-1440);
    expect(parsed.whatsappNumberId).toBe(2);
  });

  it('refuses a missing template and a delay past 30 days under their fields, as the core would', () => {
    const missing = ruleForm.safeParse({ ...typed, templateId: '' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues.map((issue) => issue.path.join('.'))).toContain('templateId');
    const tooLong = ruleForm.safeParse({ ...typed, delayAmount: '31', delayUnit: 'days' });
    expect(tooLong.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['delayMinutes']);
    const notWhole = ruleForm.safeParse({ ...typed, delayAmount: '1.5' });
    expect(notWhole.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['delayAmount']);
  });

  it('shows a saved reminder as its amount, unit and direction', () => {
    const defaults = ruleFormDefaults({
      id: 5, name: 'تذكير', description: null, trigger: 'appointment_reminder', delayMinutes: -1440, templateId: 3, template: null, isActive: true,
      whatsappNumberId: 2, officeHoursOnly: true, triggeredCount: 0, successCount: 0, lastTriggered: null, pendingJobs: 0, createdAt: '', updatedAt: '',
    });
    expect(defaults).toMatchObject({ delayAmount: '1', delayUnit: 'days', delayDirection: 'before', templateId: '3', whatsappNumberId: '2', officeHoursOnly: true, description: '' });
  });
});

describe('automation screens: "follow up in …"', () => {
  it('sends 1 hour, tomorrow (24 h), 3 days, or the chosen time in minutes', () => {
    const base = { amount: '', unit: 'hours' as const };
    expect(followUpForm.parse({ ...base, choice: '1h' })).toEqual({ inMinutes: 60 });
    expect(followUpForm.parse({ ...base, choice: 'tomorrow' })).toEqual({ inMinutes: 1440 });
    expect(followUpForm.parse({ ...base, choice: '3d' })).toEqual({ inMinutes: 4320 });
    expect(followUpForm.parse({ choice: 'custom', amount: '٩٠', unit: 'minutes' })).toEqual({ inMinutes: 90 });
    expect(followUpForm.safeParse({ choice: 'custom', amount: 'x', unit: 'minutes' }).error?.issues[0]?.path).toEqual(['inMinutes']);
  });
});
