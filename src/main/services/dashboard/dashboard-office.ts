import type BetterSqlite3 from 'better-sqlite3';
import type { InboundMessage } from '../../whatsapp/transport';
import { runClock, scriptedWhatsApp, startOutboxCore, type OutboxCore } from '../../outbox/outbox-harness';
import type { ManualClock } from '../../testing/test-core';
import { flushStagedCounts } from './staged-counts';

const day = 24 * 60 * 60_000;
/** Named here so the helper's return type can be written out (declaration emit). */
export type Sqlite = BetterSqlite3.Database;
export const minutes = (n: number) => n * 60_000;

/**
 * An office for the dashboard's figures: a real core on a hand-moved clock, one number whose
 * WhatsApp answers every send, and the ways a conversation gets messages — the customer, an
 * agent in the app (through the outbox), the number's phone, the AI and an automation rule.
 */
export async function dashboardOffice(clock: ManualClock, options: { timeZone?: string } = {}) {
  const t: OutboxCore = startOutboxCore({ clock });
  const sqlite: Sqlite = t.core.database.sqlite;
  if (options.timeZone) {
    sqlite.prepare("insert into settings (key, value) values ('office.timeZone', ?) on conflict (key) do update set value = excluded.value").run(JSON.stringify(options.timeZone));
  }
  const admin = await t.setupAdmin();
  const number = await t.call('numbers.create', { name: 'Sales' }, admin.token);
  const whatsapp = scriptedWhatsApp(clock);
  t.core.whatsapp.outbox.open(number.id, whatsapp.send);
  let seq = 0;

  function inbound(phoneDigits: string, fromMe: boolean, overrides: Partial<InboundMessage> = {}): number {
    seq++;
    const result = t.core.whatsapp.ingest.ingest(number.id, {
      providerId: `${fromMe}_${phoneDigits}@c.us_D${seq}`,
      chatId: `${phoneDigits}@c.us`,
      fromMe,
      chatKind: 'user',
      customerPhone: phoneDigits,
      customerLid: null,
      profileName: fromMe ? null : `عميل ${phoneDigits.slice(-2)}`,
      body: `رسالة ${seq}`,
      type: 'chat',
      hasMedia: false,
      timestamp: clock.now(),
      ...overrides,
    });
    if (result.kind !== 'stored') throw new Error(`not stored: ${result.kind}`);
    return result.conversationId;
  }

  return {
    t,
    sqlite: sqlite as unknown as Sqlite,
    clock,
    admin,
    number,
    /** The customer writes now; returns the conversation. */
    customerWrites: (phoneDigits: string, overrides: Partial<InboundMessage> = {}) => inbound(phoneDigits, false, overrides),
    /** Someone answers on the number's phone itself (WhatsApp echoes it to the desk). */
    typedOnPhone: (phoneDigits: string) => inbound(phoneDigits, true),
    /** The admin answers in the app; it leaves through the outbox. */
    async agentAnswers(conversationId: number, token = admin.token) {
      await t.call('messages.send', { conversationId, content: `رد ${++seq}` }, token);
      await runClock(clock, clock.now());
    },
    /** An AI or automation message, through the same outbox. */
    async notAPerson(conversationId: number, sender: 'ai' | 'system') {
      t.core.whatsapp.outbox.enqueue({ conversationId, content: `آلي ${++seq}`, sender, senderId: null, senderName: sender });
      await runClock(clock, clock.now());
    },
    /** A fresh admin session (moving the clock past a day ends the first one). */
    signIn: async () => (await t.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' })).token,
    /** Moves the clock on, running what falls due. */
    async after(ms: number) {
      await runClock(clock, clock.now() + ms);
    },
    /** The kept tables, in a comparable order (ids aside). */
    kept() {
      // As the dashboard reads them: staged counts flushed first.
      flushStagedCounts(sqlite);
      return {
        episodes: sqlite
          .prepare('select conversation_id, whatsapp_number_id, started_at, start_day, first_reply_at, first_reply_message_id, first_reply_by, response_ms, office_response_ms, prev_start_day from dashboard_episodes order by conversation_id, started_at')
          .all(),
        openEpisodes: sqlite.prepare('select id, open_started_at, open_start_day, open_prev_start_day from conversations where open_started_at is not null order by id').all(),
        daily: sqlite.prepare('select * from dashboard_daily where messages <> 0 order by day, whatsapp_number_id, agent_id, direction, type').all(),
        contacts: sqlite.prepare('select * from dashboard_contact_days order by day, whatsapp_number_id, contact_id').all(),
        lastDays: sqlite.prepare('select * from dashboard_contact_last order by contact_id, whatsapp_number_id').all(),
      };
    },
  };
}
export type DashboardOffice = Awaited<ReturnType<typeof dashboardOffice>>;
export { day };
