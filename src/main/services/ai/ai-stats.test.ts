import { afterEach, describe, expect, it } from 'vitest';
import { aiOffice, type AiOffice } from './testing/ai-office';

let office: AiOffice | null = null;
afterEach(async () => {
  await office?.t.close();
  await office?.fake.close();
  office = null;
});

describe('AI stats (seed 003 GET /ai/stats)', () => {
  it('counts one response and one hand-off, in the office’s hours and days, with satisfaction only once rated', async () => {
    office = await aiOffice();
    const { t, fake, answer, customerWrites, quietTimePasses, aiMessages, clock, number, signIn, configure } = office;
    // No fallback: the first conversation stays the AI's through the night.
    await configure({ fallbackToHuman: false });
    // 09:00 UTC on 25 Nov = 12:00 in Riyadh.
    fake.enqueue(answer({ reply: 'أهلاً بك! كيف أخدمك؟', scenario: 'initialGreeting' }));
    const first = customerWrites('966501112233', 'مرحبا');
    await quietTimePasses();
    // 21:30 UTC = 00:30 on 26 Nov in Riyadh: another office day and hour.
    clock.advance(12.5 * 3_600_000);
    customerWrites('966502223344', 'human please');
    await quietTimePasses();
    const admin = { token: await signIn() };

    const stats = await t.call('ai.stats', { numberId: number.id, period: '24h' }, admin.token);
    expect(stats).toMatchObject({
      totalResponses: 1,
      handoffCount: 1,
      handoffRate: 50,
      satisfactionRate: null,
      scenarioBreakdown: [{ scenario: 'initialGreeting', count: 1, label: 'ترحيب أولي', percentage: 100 }],
      hourlyDistribution: [{ hour: 12, count: 1 }],
    });
    expect(stats.languageBreakdown).toEqual([
      { language: 'ar', count: 1, label: 'العربية', labelEn: 'Arabic', percentage: 50 },
      { language: 'en', count: 1, label: 'الإنجليزية', labelEn: 'English', percentage: 50 },
    ]);
    expect(stats.dailyStats.map((d) => [d.date, d.responses, d.handoffs])).toEqual([
      ['2026-11-25', 1, 0],
      ['2026-11-26', 0, 1],
    ]);
    expect(stats.avgResponseTimeFormatted).toMatch(/ثانية$/);

    const [reply] = aiMessages(first.conversationId);
    await t.call('ai.rateMessage', { messageId: reply!.id, rating: 'up' }, admin.token);
    expect(await t.call('ai.stats', { period: '24h' }, admin.token)).toMatchObject({ satisfactionRate: 100, totalResponses: 1 });
    // Another number's stats hold none of it.
    const other = await t.call('numbers.create', { name: 'الإيجارات' }, admin.token);
    expect(await t.call('ai.stats', { numberId: other.id, period: '7d' }, admin.token)).toMatchObject({ totalResponses: 0, handoffCount: 0, handoffRate: 0, satisfactionRate: null, hourlyDistribution: [] });

    const logs = await t.call('ai.logs', { numberId: number.id, page: 1, limit: 10 }, admin.token);
    expect(logs.pagination).toEqual({ page: 1, limit: 10, total: 2, totalPages: 1 });
    expect(logs.data.map((r) => [r.outcome, r.reason, r.language])).toEqual([
      ['handed_off', 'customer_asked', 'en'],
      ['replied', null, 'ar'],
    ]);
    expect(logs.data[1]).toMatchObject({ promptTokens: 900, completionTokens: 60 });
  });

  it('rates hand-offs per decision that answered the customer: 1 hand-off and 3 replies is 25%; an away message is no decision', async () => {
    office = await aiOffice();
    const { t, fake, answer, customerWrites, quietTimePasses, clock, number, signIn, configure, logs } = office;
    await configure({ fallbackToHuman: false });
    fake.answerWith(() => answer({ reply: 'أهلاً بك! كيف أخدمك؟', scenario: 'initialGreeting' }));
    for (const phone of ['966501110001', '966501110002', '966501110003']) customerWrites(phone, 'مرحبا');
    customerWrites('966501110004', 'أبي أكلم موظف');
    await quietTimePasses();
    const token = await signIn();
    const rate = async () => t.call('ai.stats', { numberId: number.id, period: '24h' }, token);
    expect(await rate()).toMatchObject({ totalResponses: 3, handoffCount: 1, handoffRate: 25 });

    // 18:00 in Riyadh, outside 09:00–17:00: the away message is logged, but it decides nothing.
    await configure({ hoursMode: 'inside', businessHours: { start: '09:00', end: '17:00', timezone: 'Asia/Riyadh' }, outOfHoursMessage: 'نعود إليك في ساعات العمل.' });
    clock.advance(6 * 3_600_000);
    customerWrites('966501110005', 'مرحبا');
    await quietTimePasses();
    expect(logs().at(-1)).toMatchObject({ outcome: 'out_of_hours_sent' });
    expect(await rate()).toMatchObject({ totalResponses: 3, handoffCount: 1, handoffRate: 25 });
  });
});
