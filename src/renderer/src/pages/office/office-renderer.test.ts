import { describe, expect, it } from 'vitest';
import { makeTranslate } from '../../i18n/translate';
import { testConversation } from '../../stores/test-conversation';
import { prefilledValues, spokenValue } from '../templates/variable-values';
import { officeChangesText } from './office-labels';

describe('Settings → Office in the rest of the app', () => {
  it('says in the activity log what each setting was and became, by name, and which lists changed', () => {
    const changes = [
      { field: 'hours.timeZone', from: 'Asia/Riyadh', to: 'Asia/Dubai' },
      { field: 'display.digits', from: 'latn', to: 'arab' },
      { field: 'hours.shifts', from: [{ start: '09:00', end: '13:00' }], to: [] },
      { field: 'profile.phone', from: '', to: '+966112345678' },
    ];
    expect(officeChangesText(makeTranslate('en'), 'en', changes)).toBe(
      'Time zone from Asia/Riyadh to Asia/Dubai, Digits from Latin (0 1 2 3) to Arabic-Indic (٠ ١ ٢ ٣), Opening hours, Office phone from — to +966112345678',
    );
    expect(officeChangesText(makeTranslate('ar'), 'ar', changes)).toBe(
      'المنطقة الزمنية من Asia/Riyadh إلى Asia/Dubai، الأرقام من لاتينية (0 1 2 3) إلى عربية هندية (٠ ١ ٢ ٣)، فترات الدوام، هاتف المكتب من — إلى +966112345678',
    );
    expect(officeChangesText(makeTranslate('en'), 'en', null)).toBe('');
  });

  it('prefills {{office_phone}} from the office’s phone in the template picker, and leaves it to type when none is set', () => {
    const context = { conversation: testConversation(1, 0), agentName: 'نورة', property: null, language: 'ar' as const };
    expect(prefilledValues(['office_phone', 'agent_name'], { ...context, officePhone: '+966112345678' })).toEqual({ office_phone: '+966112345678', agent_name: 'نورة' });
    expect(prefilledValues(['office_phone'], { ...context, officePhone: '' })).toEqual({ office_phone: '' });
  });

  // Run also under TZ=America/New_York: a picked day and time are wall-clock values, no zone may move them.
  it('writes a picked day and time into a message as picked, whatever the computer’s zone', () => {
    expect(spokenValue('appointment_date', '2026-01-25', 'en')).toBe('Sunday 25 January');
    expect(spokenValue('appointment_time', '00:30', 'en')).toBe('12:30 am');
    expect(spokenValue('appointment_time', '23:45', 'ar')).toMatch(/11:45/);
  });
});
