import { afterEach, describe, expect, it } from 'vitest';
import { aiOffice, type AiOffice } from './testing/ai-office';

let office: AiOffice | null = null;
afterEach(async () => {
  await office?.t.close();
  await office?.fake.close();
  office = null;
});

const customer = '966501112233';

describe('the AI responder answers customers', () => {
  it('answers a burst of three quick messages once, after the quiet time, as the AI assistant', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, settled, clock, aiMessages, logs, answer } = office;
    fake.enqueue(answer({ reply: 'أهلاً وسهلاً! نعم لدينا فلل في النرجس.', scenario: 'initialGreeting' }));
    customerWrites(customer, 'السلام عليكم');
    await settled();
    clock.advance(3_000);
    customerWrites(customer, 'عندكم فلل؟');
    await settled();
    clock.advance(3_000);
    const { conversationId } = customerWrites(customer, 'في النرجس');
    // 8 s after the first message, but only 2 s after the last: still quiet.
    await quietTimePasses(2_000);
    expect(fake.requests).toHaveLength(0);
    await quietTimePasses(6_000);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]!.messages.filter((m) => m.role === 'user').map((m) => m.content)).toEqual(['السلام عليكم', 'عندكم فلل؟', 'في النرجس']);
    expect(aiMessages(conversationId)).toEqual([expect.objectContaining({ content: 'أهلاً وسهلاً! نعم لدينا فلل في النرجس.' })]);
    expect(logs()).toEqual([expect.objectContaining({ outcome: 'replied', handed_off: 0, scenario: 'initialGreeting', language: 'ar' })]);
    // Nothing more is due: another quiet time asks nothing.
    await quietTimePasses(60_000);
    expect(fake.requests).toHaveLength(1);
  });

  it('answers in the customer’s language when the number’s language is both', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, answer } = office;
    fake.answerWith((request) => {
      const english = request.messages[0]!.content.includes('Reply in English');
      return answer(english ? { reply: 'Welcome! How can I help?', language: 'en' } : { reply: 'أهلاً بك! كيف أخدمك؟', language: 'ar' });
    });
    const arabic = customerWrites(customer, 'مرحبا، عندي سؤال');
    const english = customerWrites('966502223344', 'Hello, I have a question');
    await quietTimePasses();
    expect(aiMessages(arabic.conversationId).map((m) => m.content)).toEqual(['أهلاً بك! كيف أخدمك؟']);
    expect(aiMessages(english.conversationId).map((m) => m.content)).toEqual(['Welcome! How can I help?']);
  });

  it('speaks in the tone the number is set to', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, answer, configure } = office;
    fake.answerWith(() => answer({}));
    await configure({ tone: 'formal' });
    customerWrites(customer, 'مرحبا');
    await quietTimePasses();
    await configure({ tone: 'professional' });
    customerWrites('966502223344', 'مرحبا');
    await quietTimePasses();
    const tones = fake.requests.map((r) => /Tone: ([^.]+)\./.exec(r.messages[0]!.content)?.[1]);
    expect(tones).toEqual(['formal', 'professional and concise']);
  });

  it('quotes the villa’s price from the catalogue, and hands off a reply with a price it does not hold', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, logs, answer, villa, notificationsOf } = office;
    fake.enqueue(answer({ reply: 'سعر فيلا النرجس 2,500,000 ريال، وفيها 5 غرف.', scenario: 'propertyInquiryResponse', usedRecordIds: [`P${villa.id}`] }));
    const right = customerWrites(customer, 'كم سعر فيلا النرجس؟');
    await quietTimePasses();
    expect(fake.requests[0]!.messages[0]!.content).toContain('فيلا النرجس');
    expect(aiMessages(right.conversationId).map((m) => m.content)).toEqual(['سعر فيلا النرجس 2,500,000 ريال، وفيها 5 غرف.']);

    fake.enqueue(answer({ reply: 'سعر فيلا النرجس 2,300,000 ريال.', scenario: 'propertyInquiryResponse', usedRecordIds: [`P${villa.id}`] }));
    const wrong = customerWrites('966502223344', 'كم سعر فيلا النرجس؟');
    await quietTimePasses();
    const sent = aiMessages(wrong.conversationId).map((m) => m.content);
    expect(sent.join(' ')).not.toContain('2,300,000');
    expect(sent).toEqual(['سأحوّلك الآن إلى أحد زملائي في الفريق، وسيتواصل معك قريبًا.']);
    expect(logs()[1]).toMatchObject({ outcome: 'handed_off', reason: 'check_failed', handed_off: 1 });
    expect(notificationsOf('ai_handoff')).toHaveLength(1);
    expect(office.ai().episodes.view(wrong.conversationId, true)).toMatchObject({ holder: 'person', paused: true, reason: 'check_failed' });
  });

  it('hands off at once, without asking the model, when the customer asks for a person', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, logs, notificationsOf } = office;
    customerWrites(customer, 'أبي أكلم موظف');
    const { conversationId } = customerWrites(customer, 'لو سمحت');
    await quietTimePasses();
    expect(fake.requests).toHaveLength(0);
    expect(aiMessages(conversationId)).toHaveLength(1);
    expect(logs()).toEqual([expect.objectContaining({ outcome: 'handed_off', reason: 'customer_asked' })]);
    expect(notificationsOf('ai_handoff')).toHaveLength(1);
    // The AI stays out: the next message waits for the person.
    customerWrites(customer, 'متى يردون؟');
    await quietTimePasses();
    expect(aiMessages(conversationId)).toHaveLength(1);
    expect(fake.requests).toHaveLength(0);
  });

  it('hands a conversation to a person after fallbackDelay minutes of AI handling', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, logs, answer, configure, clock, settled } = office;
    await configure({ fallbackToHuman: true, fallbackDelay: 3 });
    fake.answerWith(() => answer({}));
    const { conversationId } = customerWrites(customer, 'مرحبا');
    await quietTimePasses();
    expect(aiMessages(conversationId)).toHaveLength(1);
    clock.advance(2 * 60_000);
    await settled();
    expect(aiMessages(conversationId)).toHaveLength(1);
    clock.advance(60_000);
    await settled();
    expect(aiMessages(conversationId).map((m) => m.content)).toEqual(['أهلاً بك! كيف أقدر أساعدك؟', 'سأحوّلك الآن إلى أحد زملائي في الفريق، وسيتواصل معك قريبًا.']);
    expect(logs().at(-1)).toMatchObject({ outcome: 'handed_off', reason: 'fallback_delay' });
  });
});

describe('the AI responder stays out where it must', () => {
  it('never answers a group', async () => {
    office = await aiOffice();
    const { fake, groupMessage, quietTimePasses, aiMessages, answer } = office;
    fake.answerWith(() => answer({}));
    groupMessage('مرحبا يا جماعة، عندكم فلل؟');
    await quietTimePasses();
    expect(fake.requests).toHaveLength(0);
    expect(aiMessages()).toHaveLength(0);
  });

  it('pauses when someone types on the phone, until an agent resumes it', async () => {
    office = await aiOffice();
    const { fake, customerWrites, typedOnPhone, quietTimePasses, aiMessages, answer, t, admin } = office;
    fake.answerWith(() => answer({}));
    const { conversationId } = customerWrites(customer, 'مرحبا');
    typedOnPhone(customer, 'أهلاً، معك سارة');
    await quietTimePasses();
    expect(aiMessages(conversationId)).toHaveLength(0);
    customerWrites(customer, 'عندي سؤال');
    await quietTimePasses();
    expect(fake.requests).toHaveLength(0);
    expect(await t.call('ai.conversationState', { conversationId }, admin.token)).toMatchObject({ holder: 'person', paused: true, reason: 'person_took_over' });

    await t.call('ai.resume', { conversationId }, admin.token);
    customerWrites(customer, 'هل ما زلتم هنا؟');
    await quietTimePasses();
    expect(aiMessages(conversationId)).toHaveLength(1);
  });

  it('drops its answer when an agent replied in the app while the model was thinking', async () => {
    office = await aiOffice();
    const { fake, customerWrites, settled, clock, aiMessages, logs, answer, t, admin } = office;
    let release!: () => void;
    fake.enqueue({ ...answer({}), gate: new Promise<void>((resolve) => (release = resolve)) });
    const { conversationId } = customerWrites(customer, 'مرحبا');
    await settled();
    clock.advance(8_000);
    await fake.received(1);
    await t.call('messages.send', { conversationId, content: 'أهلاً، معك سارة' }, admin.token);
    release();
    await settled();
    expect(aiMessages(conversationId)).toHaveLength(0);
    expect(logs()).toEqual([expect.objectContaining({ outcome: 'dropped', reason: 'person_took_over' })]);
  });

  it('hands off a question whose scenario is off', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, logs, answer, configure } = office;
    await configure({ scenarios: { propertyInquiryResponse: false } });
    fake.enqueue(answer({ reply: 'لدينا فيلا النرجس.', scenario: 'propertyInquiryResponse' }));
    const { conversationId } = customerWrites(customer, 'عندكم فلل؟');
    await quietTimePasses();
    expect(aiMessages(conversationId).map((m) => m.content)).toEqual(['سأحوّلك الآن إلى أحد زملائي في الفريق، وسيتواصل معك قريبًا.']);
    expect(logs()).toEqual([expect.objectContaining({ outcome: 'handed_off', reason: 'scenario_off' })]);
  });

  it('answers only inside its hours in Asia/Riyadh, and sends the away message once per episode', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, answer, configure, clock, t, admin } = office;
    await configure({ hoursMode: 'inside', businessHours: { start: '09:00', end: '17:00', timezone: 'Asia/Riyadh' }, outOfHoursMessage: 'مرحباً، نعود إليك في ساعات العمل.' });
    fake.answerWith(() => answer({}));
    // 09:00 UTC is 12:00 in Riyadh: inside.
    const first = customerWrites(customer, 'مرحبا');
    await quietTimePasses();
    expect(aiMessages(first.conversationId)).toHaveLength(1);

    // 15:00 UTC: inside 09-17 in UTC, but 18:00 in Riyadh: outside.
    clock.advance(6 * 3_600_000 - 8_000);
    const late = customerWrites('966502223344', 'مساء الخير');
    await quietTimePasses();
    customerWrites('966502223344', 'هل أحد هنا؟');
    await quietTimePasses();
    expect(aiMessages(late.conversationId).map((m) => m.content)).toEqual(['مرحباً، نعود إليك في ساعات العمل.']);
    expect(fake.requests).toHaveLength(1);

    // Resolved and reopened: a new episode, so the away message may go again.
    await t.call('conversations.update', { id: late.conversationId, status: 'resolved' }, admin.token);
    customerWrites('966502223344', 'رجعت');
    await quietTimePasses();
    expect(aiMessages(late.conversationId)).toHaveLength(2);
  });
});

describe('the "answer only outside office hours" mode', () => {
  it('stays silent while the office is open and answers once it closes', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, answer, configure, clock } = office;
    await configure({ hoursMode: 'outside', businessHours: { start: '09:00', end: '17:00', timezone: 'Asia/Riyadh' }, outOfHoursMessage: 'نعود إليك في ساعات العمل.' });
    fake.answerWith(() => answer({}));
    // 12:00 in Riyadh: people are in; no reply and no away message.
    const { conversationId } = customerWrites(customer, 'مرحبا');
    await quietTimePasses();
    expect(aiMessages(conversationId)).toHaveLength(0);
    // 18:00 in Riyadh (15:00 UTC): the AI answers.
    clock.advance(6 * 3_600_000);
    customerWrites(customer, 'هل أحد هنا؟');
    await quietTimePasses();
    expect(aiMessages(conversationId).map((m) => m.content)).toEqual(['أهلاً بك! كيف أقدر أساعدك؟']);
  });
});

describe('when the provider fails', () => {
  for (const [name, reply, code] of [
    ['429', { status: 429 }, 'rate_limited'],
    ['500', { status: 500 }, 'server_error'],
    ['401', { status: 401 }, 'unauthorized'],
    ['404 (no such model)', { status: 404 }, 'model_not_found'],
    ['a broken body', { broken: true }, 'bad_response'],
  ] as const) {
    it(`sends nothing on ${name}, hands off, and tells the admins once for the outage`, async () => {
      office = await aiOffice();
      const { fake, customerWrites, quietTimePasses, aiMessages, logs, notificationsOf, t, admin } = office;
      fake.answerWith(() => reply);
      const a = customerWrites(customer, 'مرحبا');
      const b = customerWrites('966502223344', 'السلام عليكم');
      await quietTimePasses();
      expect(aiMessages()).toHaveLength(0);
      expect(logs()).toEqual([expect.objectContaining({ outcome: 'handed_off', reason: 'provider_failed', error_code: code }), expect.objectContaining({ error_code: code })]);
      expect(notificationsOf('ai_provider_failing')).toHaveLength(1);
      expect(notificationsOf('ai_handoff')).toHaveLength(0);
      expect(await t.call('ai.getProvider', {}, admin.token)).toMatchObject({ state: 'failing', lastError: code });
      for (const c of [a, b]) expect(await t.call('ai.conversationState', { conversationId: c.conversationId }, admin.token)).toMatchObject({ holder: 'person', reason: 'provider_failed' });
    });
  }

  it('gives up on a provider that does not answer within its timeout', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, logs, t, admin, baseUrl } = office;
    await t.call('ai.saveProvider', { baseUrl, model: 'fake-model', timeoutMs: 1_000 }, admin.token);
    fake.answerWith(() => ({ hang: true }));
    customerWrites(customer, 'مرحبا');
    await quietTimePasses();
    expect(aiMessages()).toHaveLength(0);
    expect(logs()).toEqual([expect.objectContaining({ reason: 'provider_failed', error_code: 'timeout' })]);
  });
});
