import { afterEach, describe, expect, it } from 'vitest';
import { aiOffice, type AiOffice } from './testing/ai-office';

let office: AiOffice | null = null;
afterEach(async () => {
  await office?.t.close();
  await office?.fake.close();
  office = null;
});

const customer = '966501112233';
const handoffAr = 'سأحوّلك الآن إلى أحد زملائي في الفريق، وسيتواصل معك قريبًا.';

describe('the AI hands a conversation to people', () => {
  it('when the model decides so, and when it is not confident enough', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, logs, answer, notificationsOf } = office;
    fake.enqueue(answer({ decision: 'handoff', reply: '' }), answer({ reply: 'ربما نعم.', confidence: 0.3 }));
    const decided = customerWrites(customer, 'عندي شكوى على العقد');
    await quietTimePasses();
    const unsure = customerWrites('966502223344', 'هل تقبلون التقسيط؟');
    await quietTimePasses();
    expect(aiMessages(decided.conversationId).map((m) => m.content)).toEqual([handoffAr]);
    expect(aiMessages(unsure.conversationId).map((m) => m.content)).toEqual([handoffAr]);
    expect(logs()).toEqual([
      expect.objectContaining({ outcome: 'handed_off', reason: 'model_decided', handed_off: 1 }),
      expect.objectContaining({ outcome: 'handed_off', reason: 'low_confidence', handed_off: 1 }),
    ]);
    expect(notificationsOf('ai_handoff')).toHaveLength(2);
  });

  it('when an English-speaking customer asks for a human, in English, without asking the model', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, logs } = office;
    const { conversationId } = customerWrites(customer, 'human please');
    await quietTimePasses();
    expect(fake.requests).toHaveLength(0);
    expect(aiMessages(conversationId)).toHaveLength(1);
    expect(aiMessages(conversationId)[0]!.content).toMatch(/^[\x20-\x7E’]+$/);
    expect(logs()).toEqual([expect.objectContaining({ reason: 'customer_asked', language: 'en' })]);
  });

  it('stops after 20 replies in one episode (a bot on the other side), sending nothing more', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, logs, answer, configure, notificationsOf } = office;
    await configure({ fallbackToHuman: false });
    fake.answerWith(() => answer({}));
    const { conversationId } = customerWrites(customer, 'مرحبا 0');
    await quietTimePasses();
    for (let i = 1; i < 20; i++) {
      customerWrites(customer, `مرحبا ${i}`);
      await quietTimePasses();
    }
    expect(aiMessages(conversationId)).toHaveLength(20);
    customerWrites(customer, 'مرحبا 20');
    await quietTimePasses();
    customerWrites(customer, 'مرحبا 21');
    await quietTimePasses();
    expect(aiMessages(conversationId)).toHaveLength(20);
    expect(fake.requests).toHaveLength(20);
    expect(logs().at(-1)).toMatchObject({ outcome: 'handed_off', reason: 'reply_cap' });
    expect(notificationsOf('ai_handoff')).toHaveLength(1);
  });

  it('a resolved conversation reopened by the customer is the AI’s again: no hand-off loop', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, answer, t, admin } = office;
    fake.answerWith(() => answer({}));
    const { conversationId } = customerWrites(customer, 'أبي أكلم موظف');
    await quietTimePasses();
    expect(aiMessages(conversationId).map((m) => m.content)).toEqual([handoffAr]);
    await t.call('conversations.update', { id: conversationId, status: 'resolved' }, admin.token);
    customerWrites(customer, 'مرحبا مرة ثانية');
    await quietTimePasses();
    expect(aiMessages(conversationId).map((m) => m.content)).toEqual([handoffAr, 'أهلاً بك! كيف أقدر أساعدك؟']);
    expect(await t.call('ai.conversationState', { conversationId }, admin.token)).toMatchObject({ holder: 'ai', paused: false });
  });

  it('resumed, it answers what the customer writes next, not what the person already handled', async () => {
    office = await aiOffice();
    const { fake, customerWrites, typedOnPhone, quietTimePasses, aiMessages, answer, t, admin } = office;
    fake.answerWith(() => answer({}));
    const { conversationId } = customerWrites(customer, 'مرحبا');
    typedOnPhone(customer, 'أهلاً، معك سارة');
    await quietTimePasses();
    customerWrites(customer, 'أبي أكلم موظف عن العقد');
    await quietTimePasses();
    await t.call('ai.resume', { conversationId }, admin.token);
    customerWrites(customer, 'شكرًا، وعندكم فلل؟');
    await quietTimePasses();
    expect(aiMessages(conversationId).map((m) => m.content)).toEqual(['أهلاً بك! كيف أقدر أساعدك؟']);
  });
});

describe('the provider’s budget, cost and retry', () => {
  it('logs each call’s cost, and once the day’s budget is spent sends nothing, hands off and tells the admins once', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, answer, t, admin, baseUrl, sqlite, notificationsOf } = office;
    // 10 riyals a million prompt tokens: 1,000 tokens cost one halala, the whole day's budget.
    await t.call('ai.saveProvider', { baseUrl, model: 'fake-model', timeoutMs: 2_000, mayQuotePrices: true, dailyBudget: 1, promptPricePerMillion: 1_000, completionPricePerMillion: 0 }, admin.token);
    fake.answerWith(() => answer({}, { promptTokens: 1_000, completionTokens: 20 }));
    const first = customerWrites(customer, 'مرحبا');
    await quietTimePasses();
    expect(aiMessages(first.conversationId)).toHaveLength(1);
    expect(await t.call('ai.getProvider', {}, admin.token)).toMatchObject({ spentToday: 1 });

    const second = customerWrites('966502223344', 'السلام عليكم');
    const third = customerWrites('966503334455', 'مساء الخير');
    await quietTimePasses();
    expect(fake.requests).toHaveLength(1);
    expect(aiMessages(second.conversationId)).toHaveLength(0);
    expect(aiMessages(third.conversationId)).toHaveLength(0);
    const rows = sqlite.prepare<[], { reason: string | null; error_code: string | null; prompt_tokens: number; completion_tokens: number; cost: number }>('select reason, error_code, prompt_tokens, completion_tokens, cost_millihalalas as cost from ai_response_logs order by id').all();
    expect(rows).toEqual([
      { reason: null, error_code: null, prompt_tokens: 1_000, completion_tokens: 20, cost: 1_000 },
      { reason: 'provider_failed', error_code: 'budget_spent', prompt_tokens: 0, completion_tokens: 0, cost: 0 },
      { reason: 'provider_failed', error_code: 'budget_spent', prompt_tokens: 0, completion_tokens: 0, cost: 0 },
    ]);
    expect(notificationsOf('ai_provider_failing')).toHaveLength(1);
  });

  it('tries a failing provider once more before giving up, and answers once when the retry works', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, answer, logs } = office;
    fake.enqueue({ status: 500 }, answer({ reply: 'أهلاً بك!' }));
    const { conversationId } = customerWrites(customer, 'مرحبا');
    await quietTimePasses();
    expect(fake.requests).toHaveLength(2);
    expect(aiMessages(conversationId).map((m) => m.content)).toEqual(['أهلاً بك!']);
    expect(logs()).toEqual([expect.objectContaining({ outcome: 'replied' })]);
  });
});

describe('hours that run overnight', () => {
  it('answers inside 22:00–06:00 in Riyadh and not at noon, whatever the process’s zone', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, answer, configure, clock } = office;
    await configure({ hoursMode: 'inside', businessHours: { start: '22:00', end: '06:00', timezone: 'Asia/Riyadh' } });
    fake.answerWith(() => answer({}));
    // 09:00 UTC = 12:00 in Riyadh: outside the night hours.
    const noon = customerWrites(customer, 'مرحبا');
    await quietTimePasses();
    expect(aiMessages(noon.conversationId)).toHaveLength(0);
    // 23:00 UTC = 02:00 the next day in Riyadh: inside.
    clock.advance(14 * 3_600_000);
    const night = customerWrites('966502223344', 'مرحبا');
    await quietTimePasses();
    expect(aiMessages(night.conversationId)).toHaveLength(1);
  });
});
