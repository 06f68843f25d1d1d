import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { aiKeyFileName } from './start-ai';
import { aiOffice, type AiOffice } from './testing/ai-office';

let office: AiOffice | null = null;
afterEach(async () => {
  await office?.t.close();
  await office?.fake.close();
  office = null;
});

describe('an admin sets up the AI per number', () => {
  it('shows seed 003’s defaults for a number never set up, and saves only what is given', async () => {
    office = await aiOffice();
    const { t, admin } = office;
    const other = await t.call('numbers.create', { name: 'الإيجارات' }, admin.token);
    expect(await t.call('ai.getConfig', { numberId: other.id }, admin.token)).toEqual({
      id: null,
      whatsappNumberId: other.id,
      enabled: false,
      businessHoursOnly: false,
      businessHours: { start: null, end: null, timezone: 'Asia/Riyadh' },
      scenarios: { initialGreeting: false, faqResponses: false, propertyInquiryResponse: false, appointmentBooking: false, generalQuestions: false },
      tone: 'friendly',
      language: 'ar',
      customInstructions: null,
      fallbackToHuman: true,
      fallbackDelay: 5,
      hoursMode: 'always',
      outOfHoursMessage: null,
      createdAt: null,
      updatedAt: null,
    });
    const saved = await t.call('ai.saveConfig', { numberId: other.id, tone: 'formal', businessHoursOnly: true, businessHours: { start: '20:00', end: '02:00', timezone: 'Asia/Riyadh' }, scenarios: { faqResponses: true } }, admin.token);
    expect(saved).toMatchObject({ enabled: false, tone: 'formal', hoursMode: 'inside', businessHoursOnly: true, businessHours: { start: '20:00', end: '02:00' }, scenarios: { faqResponses: true, initialGreeting: false } });
    expect(await t.call('ai.toggleConfig', { numberId: other.id }, admin.token)).toMatchObject({ whatsappNumberId: other.id, enabled: true });
    expect(await t.call('ai.getConfig', { numberId: other.id }, admin.token)).toMatchObject({ enabled: true, tone: 'formal', hoursMode: 'inside' });
  });

  it('refuses a bad time, an unknown zone and over-long instructions by field, and changes nothing', async () => {
    office = await aiOffice();
    const { t, admin, number } = office;
    const before = await t.call('ai.getConfig', { numberId: number.id }, admin.token);
    const badTime = await t.failure('ai.saveConfig', { numberId: number.id, tone: 'formal', businessHours: { start: '25:00', end: '18:00', timezone: 'Asia/Riyadh' } }, admin.token);
    expect(badTime).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'businessHours.start' }] });
    const badZone = await t.failure('ai.saveConfig', { numberId: number.id, businessHours: { start: '09:00', end: '18:00', timezone: 'Mars/Olympus' } }, admin.token);
    expect(badZone).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'businessHours.timezone', code: 'unknown_time_zone' }] });
    const long = await t.failure('ai.saveConfig', { numberId: number.id, customInstructions: 'ا'.repeat(2_001) }, admin.token);
    expect(long).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'customInstructions', code: 'too_long' }] });
    expect(await t.call('ai.getConfig', { numberId: number.id }, admin.token)).toEqual(before);
  });

  it('keeps the provider’s key sealed: never shown, not in the database, kept when not typed again', async () => {
    office = await aiOffice();
    const { t, admin, baseUrl, sqlite, dataDir } = { ...office, dataDir: office.t.dataDir };
    const view = await t.call('ai.saveProvider', { baseUrl, model: 'fake-model', apiKey: 'sk-very-secret-123', dailyBudget: 5_000 }, admin.token);
    expect(view).toMatchObject({ hasKey: true, model: 'fake-model', dailyBudget: 5_000 });
    expect(JSON.stringify(view)).not.toContain('sk-very-secret');
    const stored = sqlite.prepare<[], { api_key_encrypted: string }>('select api_key_encrypted from ai_provider').get()!;
    expect(stored.api_key_encrypted).not.toContain('sk-very-secret');
    expect(fs.statSync(path.join(dataDir, aiKeyFileName)).mode & 0o077).toBe(0);
    // The client sends the opened key.
    await t.call('ai.testConnection', {}, admin.token);
    expect(office.fake.requests.at(-1)!.headers.authorization).toBe('Bearer sk-very-secret-123');
    // Saved again without a key: the key stays; with null: removed.
    expect(await t.call('ai.saveProvider', { baseUrl, model: 'other-model' }, admin.token)).toMatchObject({ hasKey: true, model: 'other-model' });
    expect(await t.call('ai.saveProvider', { baseUrl, model: 'other-model', apiKey: null }, admin.token)).toMatchObject({ hasKey: false });
  });

  it('names a connection’s failure in Arabic and English', async () => {
    office = await aiOffice();
    const { t, admin, fake } = office;
    fake.enqueue({ content: 'OK', model: 'fake-model' });
    expect(await t.call('ai.testConnection', {}, admin.token)).toEqual({ ok: true, model: 'fake-model' });
    fake.enqueue({ status: 401 });
    expect(await t.call('ai.testConnection', { apiKey: 'sk-wrong' }, admin.token)).toEqual({
      ok: false,
      errorCode: 'unauthorized',
      message: { ar: 'رفض المزوّد المفتاح (401): تحقق من مفتاح API', en: 'The provider refused the key (401): check the API key' },
    });
    expect(await t.call('ai.testConnection', { baseUrl: 'http://127.0.0.1:9/v1' }, admin.token)).toMatchObject({ ok: false, errorCode: 'unreachable' });
    // Testing other settings than the saved ones saves nothing, not even a state.
    expect(await t.call('ai.getProvider', {}, admin.token)).toMatchObject({ hasKey: true, state: 'ok', lastError: null });
  });

  it('shows the provider as working only once a call or a test of its settings succeeded, and a failure with its time', async () => {
    office = await aiOffice();
    const { t, admin, fake, baseUrl, clock, customerWrites, quietTimePasses, answer } = office;
    // Saved but never reached: unknown, not "working".
    expect(await t.call('ai.getProvider', {}, admin.token)).toMatchObject({ state: 'unknown', lastError: null, lastErrorAt: null });
    // A test of another address that fails leaves the saved provider's state alone.
    expect(await t.call('ai.testConnection', { baseUrl: 'http://127.0.0.1:9/v1' }, admin.token)).toMatchObject({ ok: false });
    expect(await t.call('ai.getProvider', {}, admin.token)).toMatchObject({ state: 'unknown' });
    // The saved settings fail a test (and its one retry): failing, with the failure and when.
    fake.enqueue({ status: 500 }, { status: 500 });
    expect(await t.call('ai.testConnection', {}, admin.token)).toMatchObject({ ok: false, errorCode: 'server_error' });
    expect(await t.call('ai.getProvider', {}, admin.token)).toMatchObject({ state: 'failing', lastError: 'server_error', lastErrorAt: new Date(clock.now()).toISOString() });
    // A customer's question answered: working again.
    fake.enqueue(answer({}));
    customerWrites('966501112233', 'مرحبا');
    await quietTimePasses();
    const token = await office.signIn();
    expect(await t.call('ai.getProvider', {}, token)).toMatchObject({ state: 'ok', lastError: null });
    // Another model saved: unknown until checked; the same settings saved again keep their state.
    await t.call('ai.saveProvider', { baseUrl, model: 'fake-model', apiKey: 'sk-test-key', timeoutMs: 2_000, mayQuotePrices: false }, token);
    expect(await t.call('ai.getProvider', {}, token)).toMatchObject({ state: 'ok' });
    await t.call('ai.saveProvider', { baseUrl, model: 'other-model', timeoutMs: 2_000, mayQuotePrices: false }, token);
    expect(await t.call('ai.getProvider', {}, token)).toMatchObject({ state: 'unknown' });
    fake.enqueue({ content: 'OK', model: 'other-model' });
    expect(await t.call('ai.testConnection', {}, token)).toEqual({ ok: true, model: 'other-model' });
    expect(await t.call('ai.getProvider', {}, token)).toMatchObject({ state: 'ok' });
  });

  it('edits the FAQ, and the console answers from it without sending or logging anything', async () => {
    office = await aiOffice();
    const { t, admin, number, fake, answer, sqlite } = office;
    const entry = await t.call('ai.saveFaq', { question: 'ما هي ساعات العمل؟', answer: 'من الأحد إلى الخميس، 9 صباحاً إلى 5 مساءً.', language: 'ar' }, admin.token);
    await t.call('ai.saveFaq', { question: 'Do you charge a commission?', answer: 'Yes, 2.5% of the price.', language: 'en' }, admin.token);
    expect((await t.call('ai.listFaq', { language: 'ar' }, admin.token)).map((f) => f.question)).toEqual(['ما هي ساعات العمل؟']);
    const edited = await t.call('ai.saveFaq', { id: entry.id, question: 'ما هي ساعات العمل عندكم؟', answer: 'من الأحد إلى الخميس، 9 صباحاً إلى 5 مساءً.', language: 'ar' }, admin.token);
    expect(edited).toMatchObject({ id: entry.id, question: 'ما هي ساعات العمل عندكم؟' });

    fake.enqueue(answer({ reply: 'نعمل من الأحد إلى الخميس من 9 صباحاً إلى 5 مساءً.', scenario: 'faqResponses', usedRecordIds: [`F${entry.id}`] }, { promptTokens: 640, completionTokens: 42 }));
    const tried = await t.call('ai.console', { numberId: number.id, question: 'متى ساعات العمل؟' }, admin.token);
    expect(tried).toMatchObject({
      decision: 'reply',
      reason: null,
      answer: 'نعمل من الأحد إلى الخميس من 9 صباحاً إلى 5 مساءً.',
      recordsUsed: [{ kind: 'faq', id: entry.id, title: 'ما هي ساعات العمل عندكم؟' }],
      promptTokens: 640,
      completionTokens: 42,
    });
    expect(tried.checks.every((c) => c.ok)).toBe(true);
    expect(fake.requests.at(-1)!.messages[0]!.content).toContain('ما هي ساعات العمل عندكم؟');
    expect(sqlite.prepare("select count(*) as n from messages where sender = 'ai'").get()).toEqual({ n: 0 });
    expect(sqlite.prepare('select count(*) as n from ai_response_logs').get()).toEqual({ n: 0 });

    await t.call('ai.deleteFaq', { id: entry.id }, admin.token);
    expect((await t.call('ai.listFaq', {}, admin.token)).map((f) => f.language)).toEqual(['en']);
    expect(await t.failure('ai.deleteFaq', { id: entry.id }, admin.token)).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('shows a conversation’s AI state to its agents and lets them rate the AI’s messages only', async () => {
    office = await aiOffice();
    const { t, admin, fake, answer, customerWrites, quietTimePasses, aiMessages, sqlite } = office;
    fake.enqueue(answer({}));
    const { conversationId, messageId } = customerWrites('966501112233', 'مرحبا');
    expect(await t.call('ai.conversationState', { conversationId }, admin.token)).toMatchObject({ holder: 'none', paused: false, repliesThisEpisode: 0, enabled: true });
    await quietTimePasses();
    expect(await t.call('ai.conversationState', { conversationId }, admin.token)).toMatchObject({ holder: 'ai', paused: false, repliesThisEpisode: 1 });
    const [reply] = aiMessages(conversationId);
    expect(await t.call('ai.rateMessage', { messageId: reply!.id, rating: 'up' }, admin.token)).toEqual({ messageId: reply!.id, rating: 'up' });
    expect(await t.failure('ai.rateMessage', { messageId, rating: 'down' }, admin.token)).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'messageId' }] });
    expect(sqlite.prepare('select rating from ai_message_ratings').all()).toEqual([{ rating: 'up' }]);
  });
});

describe('the AI’s settings in the activity log', () => {
  it('logs each change with who made it and what it was and became — never the key — and nothing for a save that changes nothing', async () => {
    office = await aiOffice();
    const { t, admin, number, baseUrl, configure, sqlite } = office;
    const aiEntries = async () => (await t.call('activity.list', { limit: 50 }, admin.token)).filter((e) => e.action.startsWith('ai.')).reverse();
    // The office's own set-up (aiOffice): the provider and the first config.
    const setUp = await aiEntries();
    expect(setUp.map((e) => e.action)).toEqual(['ai.provider_updated', 'ai.config_updated']);

    await configure({ tone: 'formal', scenarios: { appointmentBooking: false } });
    await configure({ tone: 'formal' });
    await t.call('ai.toggleConfig', { numberId: number.id }, admin.token);
    await t.call('ai.saveProvider', { baseUrl, model: 'fake-model', apiKey: 'sk-new-key-456', timeoutMs: 2_000, mayQuotePrices: false }, admin.token);
    const faq = await t.call('ai.saveFaq', { question: 'ما هي أوقات الدوام؟', answer: 'من ٩ إلى ٥', language: 'ar' }, admin.token);
    await t.call('ai.deleteFaq', { id: faq.id }, admin.token);

    const entries = (await aiEntries()).slice(setUp.length);
    expect(entries.map((e) => [e.action, e.userName, e.entityName])).toEqual([
      ['ai.config_updated', 'مدير المكتب', 'المبيعات'],
      ['ai.config_updated', 'مدير المكتب', 'المبيعات'],
      ['ai.provider_updated', 'مدير المكتب', null],
      ['ai.faq_saved', 'مدير المكتب', null],
      ['ai.faq_deleted', 'مدير المكتب', null],
    ]);
    expect(entries[0]!.details).toEqual({
      changes: [
        { field: 'scenarios', from: expect.objectContaining({ appointmentBooking: true }), to: expect.objectContaining({ appointmentBooking: false }) },
        { field: 'tone', from: 'friendly', to: 'formal' },
      ],
    });
    expect(entries[1]!.details).toEqual({ changes: [{ field: 'enabled', from: true, to: false }] });
    expect(entries[2]!.details).toEqual({ changes: [{ field: 'mayQuotePrices', from: true, to: false }, { field: 'apiKey', from: 'saved', to: 'replaced' }] });
    expect(entries[3]!.details).toMatchObject({ faqId: faq.id, question: 'ما هي أوقات الدوام؟', created: true });
    expect(entries[4]!.details).toMatchObject({ faqId: faq.id, question: 'ما هي أوقات الدوام؟' });
    // The key is in no log row, old or new.
    const log = sqlite.prepare<[], { details: string | null }>('select details from activity_log').all().map((r) => r.details ?? '').join('\n');
    expect(log).not.toContain('sk-new-key-456');
    expect(log).not.toContain('sk-test-key');
  });
});
