import { afterEach, describe, expect, it } from 'vitest';
import { aiOffice, type AiOffice } from './testing/ai-office';

let office: AiOffice | null = null;
afterEach(async () => {
  await office?.t.close();
  await office?.fake.close();
  office = null;
});

const userTexts = (request: { messages: { role: string; content: string }[] }) => request.messages.filter((m) => m.role === 'user').map((m) => m.content);

describe('switching the AI on', () => {
  it('leaves the customers already waiting to the team and answers only what arrives after, without the old messages', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, answer, configure, t, admin, number } = office;
    fake.answerWith(() => answer({}));
    await configure({ enabled: false });
    const waiting = customerWrites('966501112233', 'أبي أسعار الشقق في الملقا');
    await quietTimePasses();

    expect(await t.call('ai.toggleConfig', { numberId: number.id }, admin.token)).toMatchObject({ enabled: true });
    await quietTimePasses(60_000);
    expect(fake.requests).toHaveLength(0);
    expect(aiMessages(waiting.conversationId)).toHaveLength(0);

    customerWrites('966501112233', 'مرحبا، هل من أحد؟');
    await quietTimePasses();
    expect(fake.requests.map(userTexts)).toEqual([['مرحبا، هل من أحد؟']]);
    expect(aiMessages(waiting.conversationId)).toHaveLength(1);
  });

  it('off and on again: what customers wrote while it was off stays out of its next answer', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, answer, configure } = office;
    fake.answerWith(() => answer({}));
    const { conversationId } = customerWrites('966501112233', 'السلام عليكم');
    await quietTimePasses();
    expect(aiMessages(conversationId)).toHaveLength(1);

    await configure({ enabled: false });
    customerWrites('966501112233', 'كتبت وأنتم مطفئون');
    await quietTimePasses();
    await configure({ enabled: true });
    customerWrites('966501112233', 'عندكم فلل؟');
    await quietTimePasses();
    expect(fake.requests.map(userTexts).at(-1)).toEqual(['عندكم فلل؟']);
    expect(aiMessages(conversationId)).toHaveLength(2);
  });

  it('switched off while it holds a conversation, it sends no hand-off message when fallbackDelay comes', async () => {
    office = await aiOffice();
    const { fake, customerWrites, quietTimePasses, aiMessages, answer, configure, clock, settled, logs } = office;
    await configure({ fallbackToHuman: true, fallbackDelay: 3 });
    fake.answerWith(() => answer({}));
    const { conversationId } = customerWrites('966501112233', 'مرحبا');
    await quietTimePasses();
    expect(aiMessages(conversationId)).toHaveLength(1);
    await configure({ enabled: false });
    clock.advance(5 * 60_000);
    await settled();
    expect(aiMessages(conversationId)).toHaveLength(1);
    expect(logs().map((l) => l.outcome)).toEqual(['replied']);
  });
});
