import type { ModelAnswer } from '../../../../shared/ai/schemas';
import { asksForPerson } from '../engine/human-request';
import type { FakeReply, FakeRequest } from './fake-provider';

/**
 * Demo mode's "model": answers the responder's prompt the way a grounded model would, from
 * the records in the prompt only — a property asked about with its price as written there, an
 * FAQ's answer, a greeting, or a hand-off when the customer asks for a person. Deterministic, so
 * a browser test can expect its words.
 */
export function demoBrain(request: FakeRequest): FakeReply {
  const system = request.messages.find((m) => m.role === 'system')?.content ?? '';
  const last = [...request.messages].reverse().find((m) => m.role === 'user')?.content ?? '';
  // "Test connection" asks for a word, not JSON.
  if (!system.includes('RECORDS:')) return { content: 'OK', promptTokens: 12, completionTokens: 1 };
  const language = system.includes('Reply in English') ? 'en' : 'ar';
  const answer = (a: Partial<ModelAnswer>): FakeReply => ({
    content: { decision: 'reply', reply: '', language, scenario: 'generalQuestions', confidence: 0.9, usedRecordIds: [], ...a },
    promptTokens: Math.ceil(system.length / 3),
    completionTokens: 40,
  });
  if (asksForPerson(last)) return answer({ decision: 'handoff', confidence: 1 });

  const records = system.slice(system.indexOf('RECORDS:') + 'RECORDS:'.length);
  // The customer named a type or district: only a record matching it may be offered as the answer.
  const matching = /^MATCHING RECORDS: (.*)$/m.exec(records)?.[1];
  if (matching?.startsWith('none')) {
    const asked = /^ASKED: (.*)$/m.exec(records)?.[1] ?? '';
    return answer({ reply: noneListed(asked, language), scenario: 'propertyInquiryResponse' });
  }
  const wanted = matching ? matching.split(', ')[0] : null;
  const property = wanted ? new RegExp(`^\\[(${wanted})\\] ([^|\\n]+?) \\|.*$`, 'm').exec(records) : /^\[(P\d+)\] ([^|\n]+?) \|.*$/m.exec(records);
  if (property) {
    const [line, key, name] = property;
    const price = /price: SAR ([\d,]+(?:\.\d+)?)/.exec(line)?.[1]?.replace(/\.00$/, '');
    const reply =
      language === 'ar'
        ? `نعم، ${name} متاحة${price ? ` بسعر ${price} ريال` : ''}. هل تود ترتيب موعد لمعاينتها؟`
        : `Yes, ${name} is available${price ? ` at SAR ${price}` : ''}. Would you like to arrange a viewing?`;
    return answer({ reply, scenario: 'propertyInquiryResponse', usedRecordIds: [key!] });
  }
  const faq = /^\[(F\d+)\] Q: .*\nA: (.*)$/m.exec(records);
  if (faq) return answer({ reply: faq[2]!, scenario: 'faqResponses', usedRecordIds: [faq[1]!] });
  return answer({ reply: language === 'ar' ? 'أهلاً بك! كيف أقدر أساعدك اليوم؟' : 'Welcome! How can I help you today?', scenario: 'initialGreeting' });
}

const typeLabels: Record<string, { ar: string; en: string }> = {
  villa: { ar: 'فلل', en: 'villas' },
  apartment: { ar: 'شقق', en: 'apartments' },
  land: { ar: 'أراضٍ', en: 'plots of land' },
  office: { ar: 'مكاتب', en: 'offices' },
  shop: { ar: 'محلات', en: 'shops' },
  building: { ar: 'عمائر', en: 'buildings' },
};

/** "None listed", in the customer's words: «لا توجد لدينا حالياً فلل مدرجة في حي الياسمين». */
function noneListed(asked: string, language: 'ar' | 'en'): string {
  const type = /type=([a-z]+)/.exec(asked)?.[1];
  const district = /district=([^;/]+)/.exec(asked)?.[1]?.trim();
  const label = type ? typeLabels[type] : undefined;
  if (language === 'ar') {
    return `لا توجد لدينا حالياً ${label?.ar ?? 'عقارات'} مدرجة${district ? ` في حي ${district}` : ''}. هل تود أن يتواصل معك أحد زملائي بخيارات قريبة؟`;
  }
  return `We don't have any ${label?.en ?? 'properties'} listed${district ? ` in ${district}` : ''} at the moment. Would you like a colleague to contact you with similar options?`;
}
