import { afterEach, describe, expect, it } from 'vitest';
import { aiOffice, type AiOffice } from './testing/ai-office';

let office: AiOffice | null = null;
afterEach(async () => {
  await office?.t.close();
  await office?.fake.close();
  office = null;
});

describe('agents’ ratings of AI messages', () => {
  it('come back with the thread when it is loaded again, each reader’s own, and a rating taken back loads unrated', async () => {
    office = await aiOffice();
    const { t, admin, fake, answer, customerWrites, quietTimePasses, aiMessages } = office;
    fake.enqueue(answer({ reply: 'أهلاً بك! كيف أخدمك؟', scenario: 'initialGreeting' }), answer({ reply: 'تفضل، أنا في الخدمة.', scenario: 'generalQuestions' }));
    const { conversationId } = customerWrites('966501112233', 'مرحبا');
    await quietTimePasses();
    customerWrites('966501112233', 'عندي سؤال');
    await quietTimePasses();
    const [first, second] = aiMessages(conversationId);
    const supervisor = await t.createUser(admin.token, 'supervisor', 'supervisor@office.test');

    await t.call('ai.rateMessage', { messageId: first!.id, rating: 'up' }, admin.token);
    await t.call('ai.rateMessage', { messageId: second!.id, rating: 'down' }, supervisor.token);

    const ratingsOf = async (token: string) =>
      (await t.call('messages.list', { conversationId }, token)).map((m) => [m.sender, 'aiRating' in m ? m.aiRating : 'none']);
    expect(await ratingsOf(admin.token)).toEqual([['customer', 'none'], ['ai', 'up'], ['customer', 'none'], ['ai', null]]);
    expect(await ratingsOf(supervisor.token)).toEqual([['customer', 'none'], ['ai', null], ['customer', 'none'], ['ai', 'down']]);
    // The newer page (afterId) carries them too.
    expect((await t.call('messages.list', { conversationId, afterId: first!.id }, supervisor.token)).find((m) => m.id === second!.id)?.aiRating).toBe('down');

    await t.call('ai.rateMessage', { messageId: first!.id, rating: null }, admin.token);
    expect((await t.call('messages.list', { conversationId }, admin.token)).find((m) => m.id === first!.id)?.aiRating).toBeNull();
  });
});
