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
  const property = /^\[(P\d+)\] ([^|\n]+?) \|.*$/m.exec(records);
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
