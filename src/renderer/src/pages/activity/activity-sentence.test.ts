import { describe, expect, it } from 'vitest';
import { activityActionGroups, type ActivityEntry } from '../../../../shared/activity/types';
import type { Language } from '../../i18n/dictionary';
import { makeTranslate } from '../../i18n/translate';
import { activitySentence } from './activity-sentence';

const entry = (action: string, entityName: string | null, details: Record<string, unknown>): ActivityEntry => ({
  id: 1,
  action,
  entityType: null,
  entityId: null,
  entityName,
  userId: 2,
  userName: 'نورة',
  details,
  related: {},
  createdAt: '2026-12-03T09:00:00.000Z',
});

/** The sentence as a reader sees it, every slot filled. */
function read(language: Language, e: ActivityEntry): string {
  const { text, parts } = activitySentence(makeTranslate(language), language, e);
  return text.replace(/\{(\w+)\}/g, (_, name: string) => parts[name] ?? `{${name}}`);
}

describe('viewings, offers and promotions read as sentences in the activity log', () => {
  it('a booked viewing names who booked it, the property, the customer and its status', () => {
    const booked = entry('viewing.booked', 'خالد', { viewingId: 4, name: 'فيلا الملقا', status: 'tentative' });
    expect(read('ar', booked)).toBe('نورة: حجز معاينة للعقار فيلا الملقا مع خالد («مبدئي»)');
    expect(read('en', booked)).toBe('نورة booked a viewing of فيلا الملقا with خالد (Tentative)');
  });

  it('a viewing’s new status is said in words', () => {
    const done = entry('viewing.status', 'Khalid', { name: 'Malqa villa', from: 'confirmed', status: 'no_show' });
    expect(read('ar', done)).toBe('نورة: تغيير حالة معاينة العقار Malqa villa مع Khalid إلى «لم يحضر»');
    expect(read('en', done)).toBe('نورة marked the viewing of Malqa villa with Khalid as “No-show”');
  });

  it('an offer names the customer, the property and the amount in riyals, not halalas', () => {
    const accepted = entry('offer.accepted', 'Khalid', { name: 'Malqa villa', amount: 230_000_000 });
    expect(read('en', accepted)).toMatch(/^نورة accepted the offer from Khalid on Malqa villa for SAR\s?2,300,000(\.00)?$/);
    expect(read('ar', accepted)).toMatch(/^نورة: قبول عرض Khalid على العقار Malqa villa بمبلغ 2,300,000(\.00)? ر\.س$/);
  });

  it('an expiry with no one behind it is the system’s; an undone acceptance says how it ended', () => {
    const expired = { ...entry('offer.expired', 'Sara', { name: 'Olaya flat', amount: 85_000_000 }), userId: null, userName: null };
    expect(read('en', expired)).toBe('System: the offer from Sara on Olaya flat expired');
    expect(read('en', entry('offer.acceptance_undone', 'Sara', { name: 'Olaya flat', status: 'withdrawn' }))).toBe('نورة undid the acceptance of the offer from Sara on Olaya flat (Withdrawn)');
  });

  it('a promotion is named', () => {
    expect(read('ar', entry('promotion.deleted', 'عرض الشتاء', { name: 'عرض الشتاء' }))).toBe('نورة: حذف العرض الترويجي عرض الشتاء');
  });

  it('no viewing, offer or promotion action falls back to the generic sentence', () => {
    const actions = [...activityActionGroups.viewing, ...activityActionGroups.offer];
    expect(actions).toHaveLength(14);
    for (const language of ['ar', 'en'] as const) {
      for (const action of actions) {
        const { text } = activitySentence(makeTranslate(language), language, entry(action, 'X', { name: 'P', amount: 100, status: 'confirmed' }));
        expect(text, `${language} ${action}`).not.toBe(makeTranslate(language)('activity.say.unknown'));
        expect(read(language, entry(action, 'X', { name: 'P', amount: 100, status: 'confirmed' })), `${language} ${action}`).not.toMatch(/\{|activity\./);
      }
    }
  });
});

describe('the AI assistant’s settings read as sentences in the activity log', () => {
  it('says the switch as on or off, other changes by how many, and the FAQ entry by its question', () => {
    const off = entry('ai.config_updated', 'المبيعات', { changes: [{ field: 'enabled', from: true, to: false }] });
    expect(read('ar', off)).toBe('نورة: إيقاف المساعد الذكي على الرقم المبيعات');
    expect(read('en', off)).toBe('نورة turned the AI assistant off for المبيعات');
    const two = entry('ai.config_updated', 'المبيعات', { changes: [{ field: 'tone', from: 'friendly', to: 'formal' }, { field: 'language', from: 'ar', to: 'both' }] });
    expect(read('ar', two)).toBe('نورة: تعديل إعدادات المساعد الذكي للرقم المبيعات (إعدادان)');
    expect(read('en', entry('ai.provider_updated', null, { changes: [{ field: 'apiKey', from: 'saved', to: 'replaced' }] }))).toBe('نورة changed the AI assistant’s model provider (one setting)');
    expect(read('ar', entry('ai.faq_saved', null, { question: 'ما هي أوقات الدوام؟' }))).toBe('نورة: حفظ السؤال الشائع «ما هي أوقات الدوام؟» للمساعد الذكي');
  });
});
