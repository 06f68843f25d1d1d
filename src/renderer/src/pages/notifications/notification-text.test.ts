import { describe, expect, it } from 'vitest';
import { notificationTypes, type NotificationView } from '../../../../shared/notifications/types';
import { makeTranslate } from '../../i18n/translate';
import { notificationText } from './notification-text';

const base = { id: 1, target: null, desktop: false, readAt: null, createdAt: '2026-12-03T09:00:00.000Z' };
const sample = (type: NotificationView['type'], params: NotificationView['params']): NotificationView => ({ ...base, type, params });

describe('a notification is worded in the reader’s language', () => {
  it('every type has an Arabic and an English title and line, with no placeholder left', () => {
    const params = { by: 'نورة', customer: 'ناصر', preview: 'مرحبا', property: 'فيلا الملقا', startsAt: '2026-12-03T15:00:00.000Z', number: 'المبيعات', reason: 'banned', errorCode: 'rejected', used: 800, limit: 1000, user: 'أحمد', role: 'agent', title: 'اجتماع', body: 'الساعة ٤', url: 'https://crm.example/hook' };
    for (const language of ['ar', 'en'] as const) {
      const t = makeTranslate(language);
      for (const type of notificationTypes) {
        const { title, body } = notificationText(t, language, sample(type, params));
        expect(title, `${language} ${type}`).not.toMatch(/notificationText|\{/);
        expect(body, `${language} ${type}`).not.toMatch(/notificationText|\{/);
      }
    }
  });

  it('says why, in words: a ban, a refused send, the role of who signed in, a viewing’s time in the office’s zone', () => {
    const ar = makeTranslate('ar');
    const en = makeTranslate('en');
    expect(notificationText(en, 'en', sample('number_disconnected', { number: 'Sales', reason: 'banned' }))).toEqual({ title: 'Sales disconnected', body: en('disconnect.banned') });
    expect(notificationText(ar, 'ar', sample('send_failed', { customer: 'ناصر', errorCode: 'no_such_code' })).body).toBe(ar('sendError.unknown'));
    expect(notificationText(en, 'en', sample('staff_signed_in', { user: 'Ahmad', role: 'supervisor' })).body).toBe('Ahmad (Supervisor) signed in.');
    // 15:00 UTC is 18:00 in Riyadh.
    expect(notificationText(en, 'en', sample('viewing_soon', { customer: 'Nasser', property: 'Villa', startsAt: '2026-12-03T15:00:00.000Z' })).body).toBe('Viewing of Villa with Nasser at 18:00.');
    expect(notificationText(en, 'en', sample('office_message', { title: 'Meeting', body: '', by: 'Noura' }))).toEqual({ title: 'Meeting', body: 'Noura' });
    // The AI's hand-off says why, and a failing provider what failed, in the reader's words.
    expect(notificationText(ar, 'ar', sample('ai_handoff', { customer: 'ناصر', reason: 'customer_asked' })).body).toBe('حوّل المساعد الذكي المحادثة مع ناصر إليك: طلب العميل التحدث إلى موظف.');
    expect(notificationText(en, 'en', sample('ai_provider_failing', { error: 'rate_limited' })).body).toContain('The provider is rate limiting us (429)');
  });
});
