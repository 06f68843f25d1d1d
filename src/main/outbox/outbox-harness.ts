import type { Logger } from '../base/logger';
import type { OutboundContent } from '../whatsapp/transport';
import type { OutboxPolicy, SendFn } from './outbox';
import { manualClock, startTestCore, type ManualClock } from '../testing/test-core';

/**
 * The real outbox on a real core and SQLite file, driven by a test clock, with WhatsApp's
 * side played by a scripted send that records what reached it and when (on the test clock).
 * Nothing here sleeps: the test moves the clock, and every wait on it runs in time order.
 */
export function startOutboxCore(options: { policy?: Partial<OutboxPolicy>; dataDir?: string; clock?: ManualClock; logger?: Logger } = {}) {
  const clock = options.clock ?? manualClock();
  const policy: OutboxPolicy = { paceMs: 0, paceJitterMs: 0, maxAttempts: 6, retryBaseMs: 1_000, retryMaxMs: 60_000, ...options.policy };
  const t = startTestCore({ clock, ...(options.dataDir ? { dataDir: options.dataDir } : {}), ...(options.logger ? { logger: options.logger } : {}), whatsapp: { outboxPolicy: policy } });
  const sqlite = t.core.database.sqlite;
  let nextContact = 1;

  /** A number with a customer to answer; `quotaLimit` is its daily limit. */
  async function numberWithCustomers(adminToken: string, name: string, customers = 1, quotaLimit = 1000) {
    const number = await t.call('numbers.create', { name, quotaLimit }, adminToken);
    const conversations: number[] = [];
    for (let i = 0; i < customers; i++) {
      const id = nextContact++;
      const phone = `+9665010${String(id).padStart(5, '0')}`;
      sqlite.prepare('insert into contacts (id, phone, name) values (?, ?, ?)').run(id, phone, `Customer ${id}`);
      sqlite.prepare('insert into conversations (id, contact_id, whatsapp_number_id, last_message_time) values (?, ?, ?, 1)').run(id, id, number.id);
      conversations.push(id);
    }
    return { number, conversations };
  }

  return { ...t, clock, policy, numberWithCustomers };
}
export type OutboxCore = ReturnType<typeof startOutboxCore>;

export interface Reached {
  at: number;
  chatId: string;
  text: string;
}

/**
 * WhatsApp as the outbox sees it: each send either throws the next scripted error for its text
 * or reaches WhatsApp (recorded with the clock's time). `hold` keeps every send pending, as a
 * number whose page hangs.
 */
export function scriptedWhatsApp(clock: { now(): number }) {
  const reached: Reached[] = [];
  const attempts: Reached[] = [];
  const failures = new Map<string, unknown[]>();
  let held = false;
  const send: SendFn = async (chatId: string, content: OutboundContent) => {
    const attempt = { at: clock.now(), chatId, text: content.text };
    attempts.push(attempt);
    if (held) return new Promise(() => {});
    const error = failures.get(content.text)?.shift();
    if (error !== undefined) throw error;
    reached.push(attempt);
    return { providerId: `true_${chatId}_OUT${reached.length}` };
  };
  return {
    send,
    reached,
    attempts,
    /** The sends of `text` fail with these errors, one each, then succeed. */
    failWith(text: string, ...errors: unknown[]) {
      failures.set(text, errors);
    },
    hold() {
      held = true;
    },
  };
}

/** Lets every promise the outbox chained run (the scripted send answers at once). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}

/** Moves the clock from wait to wait, running what each wakes, up to `until` (everything, by default). */
export async function runClock(clock: ManualClock, until = Number.POSITIVE_INFINITY): Promise<void> {
  await settle();
  for (let next = clock.nextWake(); next !== null && next <= until; next = clock.nextWake()) {
    clock.advance(Math.max(0, next - clock.now()));
    await settle();
  }
  if (until !== Number.POSITIVE_INFINITY && clock.now() < until) {
    clock.advance(until - clock.now());
    await settle();
  }
}
