import type BetterSqlite3 from 'better-sqlite3';
import type { ChannelInput } from '../../../../shared/contract';
import type { ModelAnswer } from '../../../../shared/ai/schemas';
import type { CoreOptions } from '../../../core/create-core';
import { manualClock, startTestCore, type ManualClock } from '../../../testing/test-core';
import { FakeProvider, type FakeReply } from './fake-provider';

export type Sqlite = BetterSqlite3.Database;
type TestCore = ReturnType<typeof startTestCore>;
type AiSlice = TestCore['core']['services']['ai'];

/**
 * Issue 16's responder on a real core, a manual clock and the scripted provider reached by the
 * real `openai` client through its base URL: an admin, one number with the AI on (every
 * scenario, always answering), a villa in the catalogue, and what customers and agents do.
 */
export async function aiOffice(options: { clock?: ManualClock; dataDir?: string; provider?: FakeProvider; core?: Partial<CoreOptions> } = {}) {
  const clock = options.clock ?? manualClock();
  const fake = options.provider ?? new FakeProvider();
  const baseUrl = options.provider ? fake.baseUrl : await fake.start();
  const t = startTestCore({ clock, ...(options.dataDir ? { dataDir: options.dataDir } : {}), ...options.core });
  const sqlite: Sqlite = t.core.database.sqlite;
  const restarted = sqlite.prepare<[], { id: number }>("select id from users where role = 'admin' limit 1").get() !== undefined;
  const admin = restarted ? await t.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' }) : await t.setupAdmin();
  const number = restarted ? sqlite.prepare<[], { id: number }>('select id from whatsapp_numbers order by id limit 1').get()! : await t.call('numbers.create', { name: 'المبيعات' }, admin.token);
  const villa = restarted
    ? sqlite.prepare<[], { id: number }>('select id from properties order by id limit 1').get()!
    : await t.call('properties.create', { name: 'فيلا النرجس', type: 'villa', price: '2500000', bedrooms: 5, area: 450, city: 'الرياض', district: 'النرجس', listing: 'sale' }, admin.token);
  if (!restarted) {
    await t.call('ai.saveProvider', { baseUrl, model: 'fake-model', apiKey: 'sk-test-key', timeoutMs: 2_000, mayQuotePrices: true }, admin.token);
    await configure({ enabled: true, scenarios: { initialGreeting: true, faqResponses: true, propertyInquiryResponse: true, appointmentBooking: true, generalQuestions: true }, language: 'both' });
  }
  const ai = (): AiSlice => t.core.services.ai;
  let seq = sqlite.prepare<[], { n: number }>('select count(*) as n from messages').get()!.n;

  async function configure(input: Omit<ChannelInput<'ai.saveConfig'>, 'numberId'>) {
    return t.call('ai.saveConfig', { numberId: number.id, ...input }, admin.token);
  }

  function inbound(phoneDigits: string, body: string, fromMe: boolean, chatId = `${phoneDigits}@c.us`) {
    seq++;
    const result = t.core.whatsapp.ingest.ingest(number.id, {
      providerId: `${fromMe}_${chatId}_T${seq}`,
      chatId,
      fromMe,
      chatKind: chatId.endsWith('@g.us') ? 'group' : 'user',
      customerPhone: phoneDigits,
      customerLid: null,
      profileName: fromMe ? null : 'عميل',
      body,
      type: 'chat',
      hasMedia: false,
      timestamp: clock.now(),
    });
    if (result.kind !== 'stored') {
      if (chatId.endsWith('@g.us')) return null;
      throw new Error(`not stored: ${result.kind}`);
    }
    t.core.whatsapp.pipeline.publishNew(sqlite.prepare('select * from messages where id = ?').get(result.messageId) as never);
    return { conversationId: result.conversationId, messageId: result.messageId };
  }

  /** A customer's message through the real ingest, published as the pipeline does. */
  const customerWrites = (phoneDigits: string, body: string) => inbound(phoneDigits, body, false)!;
  /** Someone typed on the phone itself: ingest stores it as `agent` with no user. */
  const typedOnPhone = (phoneDigits: string, body: string) => inbound(phoneDigits, body, true)!;
  /** A message in a WhatsApp group the number is in. */
  const groupMessage = (body: string) => inbound('966509990000', body, false, '120363000000000001@g.us');

  /** Waits until the responder has read everything and no decision is under way. */
  const settled = () => ai().runner.settled();
  /** Moves the clock past the quiet time and waits for the decisions that fell due. */
  async function quietTimePasses(ms = 8_000) {
    await settled();
    clock.advance(ms);
    await settled();
  }

  const aiMessages = (conversationId?: number) =>
    sqlite
      .prepare<[{ c: number | null }], { id: number; content: string; client_id: string; conversation_id: number }>(
        "select id, content, client_id, conversation_id from messages where sender = 'ai' and (@c is null or conversation_id = @c) order by id",
      )
      .all({ c: conversationId ?? null });
  const logs = () => sqlite.prepare<[], { outcome: string; reason: string | null; handed_off: number; language: string | null; scenario: string | null; error_code: string | null }>('select * from ai_response_logs order by id').all();
  const notificationsOf = (type: string) => sqlite.prepare<[string], { user_id: number; params: string }>('select user_id, params from notifications where type = ? order by id').all(type);

  /** A structured answer as the model gives it (Arabic villa reply by default). */
  const answer = (a: Partial<ModelAnswer>, usage?: { promptTokens?: number; completionTokens?: number }): FakeReply => ({
    content: { decision: 'reply', reply: 'أهلاً بك! كيف أقدر أساعدك؟', language: 'ar', scenario: 'generalQuestions', confidence: 0.9, usedRecordIds: [], ...a },
    ...usage,
  });

  /** A fresh admin session (moving the clock past a day ends the first one). */
  const signIn = async () => (await t.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' })).token;

  return { t, clock, signIn, sqlite: sqlite as unknown as Sqlite, fake, baseUrl, admin, number, villa, ai: ai as () => AiSlice, configure, customerWrites, typedOnPhone, groupMessage, inbound, settled, quietTimePasses, aiMessages, logs, notificationsOf, answer };
}
export type AiOffice = Awaited<ReturnType<typeof aiOffice>>;
