import { afterEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../testing/test-core';
import { runClock, scriptedWhatsApp, settle, startOutboxCore, type OutboxCore } from './outbox-harness';
import { SendError } from './send-errors';
import { defaultOutboxPolicy } from './outbox';

/**
 * The outbox's promises (README "Nothing is lost"): answers go out in order per number, paced,
 * within the daily quota, retried on transient errors. The real outbox on a real SQLite file;
 * time is the core's clock, moved by the test.
 */
const running: OutboxCore[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((t) => t.close()));
});

function start(options: Parameters<typeof startOutboxCore>[0] = {}) {
  const t = startOutboxCore(options);
  running.push(t);
  return t;
}

async function office(options: Parameters<typeof startOutboxCore>[0] = {}, quotaLimit = 1000) {
  const t = start(options);
  const admin = await t.setupAdmin();
  const { number, conversations } = await t.numberWithCustomers(admin.token, 'Sales', 2, quotaLimit);
  const whatsapp = scriptedWhatsApp(t.clock);
  const answer = (content: string, conversationId = conversations[0]!) => t.call('messages.send', { conversationId, content }, admin.token);
  const thread = (conversationId = conversations[0]!) => t.call('messages.list', { conversationId }, admin.token);
  return { t, admin, number, conversations, whatsapp, answer, thread };
}

const texts = (sends: { text: string }[]) => sends.map((s) => s.text);

describe('answers go out in order', () => {
  it('several answers to one customer reach WhatsApp oldest first', async () => {
    const { t, number, whatsapp, answer } = await office();
    for (let i = 1; i <= 5; i++) await answer(`answer ${i}`);
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    await runClock(t.clock);
    expect(texts(whatsapp.reached)).toEqual(['answer 1', 'answer 2', 'answer 3', 'answer 4', 'answer 5']);
  });

  it('answers to different customers of one number keep the order they were written in', async () => {
    const { t, number, conversations, whatsapp, answer } = await office();
    await answer('to A 1', conversations[0]);
    await answer('to B 1', conversations[1]);
    await answer('to A 2', conversations[0]);
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    await runClock(t.clock);
    expect(texts(whatsapp.reached)).toEqual(['to A 1', 'to B 1', 'to A 2']);
  });

  it('a later answer does not overtake one that is waiting to be retried', async () => {
    const { t, number, whatsapp, answer } = await office();
    whatsapp.failWith('first', new Error('Evaluation failed: timeout'), new Error('Evaluation failed: timeout'));
    await answer('first');
    await answer('second');
    await answer('third');
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    await runClock(t.clock);
    expect(texts(whatsapp.attempts)).toEqual(['first', 'first', 'first', 'second', 'third']);
    expect(texts(whatsapp.reached)).toEqual(['first', 'second', 'third']);
  });

  it('an answer that fails for good does not hold up the ones after it', async () => {
    const { t, number, whatsapp, answer, thread } = await office();
    whatsapp.failWith('first', new Error('Evaluation failed: Error: invalid wid'));
    await answer('first');
    await answer('second');
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    await runClock(t.clock);
    expect(texts(whatsapp.reached)).toEqual(['second']);
    expect((await thread()).map((m) => [m.content, m.status])).toEqual([
      ['first', 'failed'],
      ['second', 'sent'],
    ]);
  });

  it('answers queued before a restart go out oldest first after it, after those already sent', async () => {
    const dataDir = tempDir();
    const before = await office({ dataDir });
    for (let i = 1; i <= 2; i++) await before.answer(`answer ${i}`);
    before.t.core.whatsapp.outbox.open(before.number.id, before.whatsapp.send);
    await runClock(before.t.clock);
    before.t.core.whatsapp.outbox.close(before.number.id);
    for (let i = 3; i <= 5; i++) await before.answer(`answer ${i}`);
    await before.t.close();

    const after = start({ dataDir });
    const whatsapp = scriptedWhatsApp(after.clock);
    after.core.whatsapp.outbox.open(before.number.id, whatsapp.send);
    await runClock(after.clock);
    expect(texts(before.whatsapp.reached)).toEqual(['answer 1', 'answer 2']);
    expect(texts(whatsapp.reached)).toEqual(['answer 3', 'answer 4', 'answer 5']);
  });

  it('a number whose WhatsApp hangs does not hold up another number', async () => {
    const { t, admin, number, whatsapp, answer } = await office();
    const other = await t.numberWithCustomers(admin.token, 'Rentals');
    const otherWhatsapp = scriptedWhatsApp(t.clock);
    whatsapp.hold();
    await answer('stuck');
    await t.call('messages.send', { conversationId: other.conversations[0]!, content: 'free 1' }, admin.token);
    await t.call('messages.send', { conversationId: other.conversations[0]!, content: 'free 2' }, admin.token);
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    t.core.whatsapp.outbox.open(other.number.id, otherWhatsapp.send);
    await runClock(t.clock);
    expect(texts(whatsapp.attempts)).toEqual(['stuck']);
    expect(texts(otherWhatsapp.reached)).toEqual(['free 1', 'free 2']);
  });
});

describe('sends are paced', () => {
  it('a burst goes out one by one, at least the pause apart and at most the pause and its jitter', async () => {
    const paceMs = 1_000;
    const paceJitterMs = 500;
    const { t, number, whatsapp, answer } = await office({ policy: { paceMs, paceJitterMs } });
    for (let i = 1; i <= 6; i++) await answer(`burst ${i}`);
    const startedAt = t.clock.now();
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    await runClock(t.clock);
    expect(texts(whatsapp.reached)).toHaveLength(6);
    expect(whatsapp.reached[0]!.at).toBe(startedAt);
    const gaps = whatsapp.reached.slice(1).map((s, i) => s.at - whatsapp.reached[i]!.at);
    for (const gap of gaps) {
      expect(gap).toBeGreaterThanOrEqual(paceMs);
      expect(gap).toBeLessThanOrEqual(paceMs + paceJitterMs);
    }
  });

  it('with no fixed pause, the jitter alone still spaces the sends: the pace plus its random share', async () => {
    // The random share fixed at a quarter, so each gap is known exactly.
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.25);
    try {
      for (const [paceMs, gap] of [[0, 250], [1_000, 1_250]] as const) {
        const { t, number, whatsapp, answer } = await office({ policy: { paceMs, paceJitterMs: 1_000 } });
        for (let i = 1; i <= 3; i++) await answer(`burst ${i}`);
        t.core.whatsapp.outbox.open(number.id, whatsapp.send);
        await runClock(t.clock);
        expect(whatsapp.reached.map((s) => s.at - whatsapp.reached[0]!.at), `pace ${paceMs}`).toEqual([0, gap, 2 * gap]);
      }
    } finally {
      random.mockRestore();
    }
  });

  it('an answer written during the pause waits for the pause to end', async () => {
    const { t, number, whatsapp, answer } = await office({ policy: { paceMs: 2_000, paceJitterMs: 0 } });
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    await answer('one');
    await settle();
    await answer('two');
    await settle();
    expect(texts(whatsapp.reached)).toEqual(['one']);
    await runClock(t.clock, t.clock.now() + 1_999);
    expect(texts(whatsapp.reached)).toEqual(['one']);
    await runClock(t.clock);
    expect(whatsapp.reached.map((s) => s.at - whatsapp.reached[0]!.at)).toEqual([0, 2_000]);
  });
});

describe('the daily quota', () => {
  // 2026-11-25 09:00 UTC is noon in Riyadh; the office's next midnight is 21:00 UTC.
  const riyadhMidnight = Date.UTC(2026, 10, 25, 21, 0, 0);

  it('stops at the limit, says why on the waiting answers, and resumes at the office’s next midnight', async () => {
    const { t, admin, number, whatsapp, answer, thread } = await office({}, 3);
    for (let i = 1; i <= 5; i++) await answer(`answer ${i}`);
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    await runClock(t.clock, riyadhMidnight - 1);
    expect(texts(whatsapp.reached)).toEqual(['answer 1', 'answer 2', 'answer 3']);
    const waiting = (await thread()).filter((m) => m.status === 'queued');
    expect(waiting.map((m) => m.content)).toEqual(['answer 4', 'answer 5']);
    for (const m of waiting) expect(m.error).toBe(`Daily limit of 3 messages reached; sending resumes at ${new Date(riyadhMidnight).toISOString()}`);
    expect((await t.call('numbers.list', {}, admin.token)).find((n) => n.id === number.id)).toMatchObject({ quotaUsed: 3, quotaLimit: 3 });
    // The windows were told why, as it happened.
    const told = t.events.filter((e) => e.event === 'message.status' && (e.data as { error: string | null }).error?.startsWith('Daily limit'));
    expect(told).toHaveLength(2);

    await runClock(t.clock, riyadhMidnight);
    expect(texts(whatsapp.reached)).toEqual(['answer 1', 'answer 2', 'answer 3', 'answer 4', 'answer 5']);
    expect(whatsapp.reached.slice(3).every((s) => s.at === riyadhMidnight)).toBe(true);
    expect((await thread()).map((m) => [m.status, m.error])).toEqual(Array.from({ length: 5 }, () => ['sent', null]));
    expect((await t.call('numbers.list', {}, admin.token)).find((n) => n.id === number.id)).toMatchObject({ quotaUsed: 2 });
  });

  it('an answer written once the limit is reached waits too, and says why', async () => {
    const { t, number, whatsapp, answer, thread } = await office({}, 1);
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    await answer('today');
    await settle();
    await answer('tomorrow');
    await settle();
    expect(texts(whatsapp.reached)).toEqual(['today']);
    expect((await thread()).find((m) => m.content === 'tomorrow')?.error).toMatch(/^Daily limit of 1 messages reached/);
    await runClock(t.clock, riyadhMidnight);
    expect(texts(whatsapp.reached)).toEqual(['today', 'tomorrow']);
  });

  it('counts the day in the office’s time zone, a setting, whatever the computer’s own', async () => {
    // 09:00 UTC on 25 November is 04:00 in New York; its next midnight is 05:00 UTC on the 26th.
    const newYorkMidnight = Date.UTC(2026, 10, 26, 5, 0, 0);
    const { t, number, whatsapp, answer } = await office({}, 1);
    t.core.database.sqlite.prepare("insert into settings (key, value) values ('office.timeZone', ?)").run(JSON.stringify('America/New_York'));
    await answer('one');
    await answer('two');
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    await runClock(t.clock, riyadhMidnight);
    expect(texts(whatsapp.reached)).toEqual(['one']);
    expect(t.clock.nextWake()).toBe(newYorkMidnight);
    await runClock(t.clock, newYorkMidnight);
    expect(whatsapp.reached.map((s) => [s.text, s.at])).toEqual([
      ['one', Date.UTC(2026, 10, 25, 9, 0, 0)],
      ['two', newYorkMidnight],
    ]);
  });
});

describe('retries', () => {
  it('retries a temporary error with growing delays, then fails it as too many attempts', async () => {
    const policy = { maxAttempts: 5, retryBaseMs: 1_000, retryMaxMs: 5_000 };
    const { t, number, whatsapp, answer, thread } = await office({ policy });
    const timeout = () => new Error('Evaluation failed: Protocol error: timeout');
    whatsapp.failWith('hello', ...Array.from({ length: 10 }, timeout));
    await answer('hello');
    const startedAt = t.clock.now();
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    await runClock(t.clock);
    // 1 s, 2 s, 4 s, then 8 s capped at 5 s.
    expect(whatsapp.attempts.map((a) => a.at - startedAt)).toEqual([0, 1_000, 3_000, 7_000, 12_000]);
    const [message] = await thread();
    expect(message).toMatchObject({ status: 'failed', errorCode: 'too_many_attempts', error: 'Evaluation failed: Protocol error: timeout' });
    expect(whatsapp.reached).toHaveLength(0);
  });

  it('a temporary error cured by a retry ends sent, with no error left on it', async () => {
    const { t, number, whatsapp, answer, thread } = await office();
    whatsapp.failWith('hello', new Error('net::ERR_CONNECTION_RESET'));
    await answer('hello');
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    await settle();
    const [waiting] = await thread();
    expect(waiting).toMatchObject({ status: 'queued', error: 'net::ERR_CONNECTION_RESET', errorCode: null });
    await runClock(t.clock);
    expect(await thread()).toMatchObject([{ status: 'sent', error: null, errorCode: null }]);
    expect(texts(whatsapp.reached)).toEqual(['hello']);
  });

  it('a permanent error fails at once, with its code', async () => {
    const { t, number, whatsapp, answer, thread } = await office();
    whatsapp.failWith('not on whatsapp', new Error('Evaluation failed: Error: wid error: invalid wid'));
    whatsapp.failWith('too long', new Error('message too long'));
    whatsapp.failWith('refused', new SendError('The number was removed', true, 'number_removed'));
    await answer('not on whatsapp');
    await answer('too long');
    await answer('refused');
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    await runClock(t.clock);
    expect(whatsapp.attempts).toHaveLength(3);
    expect((await thread()).map((m) => [m.content, m.status, m.errorCode])).toEqual([
      ['not on whatsapp', 'failed', 'invalid_recipient'],
      ['too long', 'failed', 'rejected'],
      ['refused', 'failed', 'number_removed'],
    ]);
  });

  it('an answer retried by the agent goes out again from its first attempt', async () => {
    const { t, admin, number, whatsapp, answer, thread } = await office({ policy: { maxAttempts: 2 } });
    whatsapp.failWith('hello', new Error('timeout'), new Error('timeout'), new Error('timeout'));
    const sent = await answer('hello');
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    await runClock(t.clock);
    expect((await thread())[0]).toMatchObject({ status: 'failed', errorCode: 'too_many_attempts' });
    await t.call('messages.retry', { id: sent.id }, admin.token);
    await runClock(t.clock);
    // Two attempts again (the last one succeeds), not one: the count started over.
    expect(whatsapp.attempts).toHaveLength(4);
    expect((await thread())[0]).toMatchObject({ status: 'sent' });
  });
});

describe('what the outbox logs for support', () => {
  it('a retried send and a reached quota are logged with the message, attempt, delay and number, never the answer’s words', async () => {
    const lines: { level: string; message: string; fields: Record<string, unknown> | undefined }[] = [];
    const record = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, fields });
    const { t, number, whatsapp, answer } = await office({ logger: { info: record('info'), warn: record('warn'), error: record('error') } }, 1);
    whatsapp.failWith('عرض خاص للعميل', new Error('net::ERR_CONNECTION_RESET'));
    const failing = await answer('عرض خاص للعميل');
    await answer('رسالة ثانية');
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    await runClock(t.clock, t.clock.now() + 60_000);
    const outboxLines = lines.filter((l) => l.message.includes('retrying') || l.message.includes('quota'));
    expect(outboxLines).toEqual([
      { level: 'warn', message: 'send failed; retrying', fields: { messageId: failing.id, attempts: 1, delayMs: 1_000, error: 'net::ERR_CONNECTION_RESET' } },
      { level: 'info', message: 'daily quota reached; sending resumes at the next office midnight', fields: { numberId: number.id } },
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/عرض خاص|رسالة ثانية/);
  });
});

describe('the policy an office gets unless it sets its own', () => {
  it('paces a burst 1 to 2 s apart, and retries a temporary error after 5, 10, 20, 40 and 80 s before giving up at the sixth try', async () => {
    // The random share of the pace fixed at a half, so each gap is known exactly.
    const random = vi.spyOn(Math, 'random').mockReturnValue(0.5);
    try {
      const { t, number, whatsapp, answer, thread } = await office({ policy: defaultOutboxPolicy });
      for (let i = 1; i <= 3; i++) await answer(`burst ${i}`);
      const startedAt = t.clock.now();
      t.core.whatsapp.outbox.open(number.id, whatsapp.send);
      await runClock(t.clock);
      expect(whatsapp.reached.map((s) => s.at - startedAt)).toEqual([0, 1_500, 3_000]);

      whatsapp.failWith('hello', ...Array.from({ length: 10 }, () => new Error('Evaluation failed: Protocol error: timeout')));
      await answer('hello');
      const retriedFrom = t.clock.now();
      await runClock(t.clock);
      const tries = whatsapp.attempts.filter((a) => a.text === 'hello').map((a) => a.at - retriedFrom);
      expect(tries).toEqual([0, 5_000, 15_000, 35_000, 75_000, 155_000]);
      expect((await thread()).at(-1)).toMatchObject({ content: 'hello', status: 'failed', errorCode: 'too_many_attempts' });
    } finally {
      random.mockRestore();
    }
  });
});

describe('after the app stopped mid-send', () => {
  const leaveInFlight = (t: OutboxCore, messageId: number) =>
    t.core.database.sqlite.prepare('update messages set in_flight_at = ?, attempts = 1 where id = ?').run(t.clock.now(), messageId);

  it('an answer WhatsApp’s history does not hold is queued again and sent once, in its place', async () => {
    const { t, number, whatsapp, answer, thread } = await office();
    const first = await answer('first');
    await answer('second');
    leaveInFlight(t, first.id);
    t.core.whatsapp.outbox.reconcile(number.id, true);
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    await runClock(t.clock);
    expect(texts(whatsapp.reached)).toEqual(['first', 'second']);
    expect((await thread()).map((m) => m.status)).toEqual(['sent', 'sent']);
  });

  it('when WhatsApp’s history cannot be read, the answer fails as unconfirmed and is not sent blindly', async () => {
    const { t, number, whatsapp, answer, thread } = await office();
    const first = await answer('first');
    await answer('second');
    leaveInFlight(t, first.id);
    t.core.whatsapp.outbox.reconcile(number.id, false);
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    await runClock(t.clock);
    expect(texts(whatsapp.attempts)).toEqual(['second']);
    expect((await thread()).map((m) => [m.content, m.status, m.errorCode])).toEqual([
      ['first', 'failed', 'unconfirmed'],
      ['second', 'sent', null],
    ]);
  });
});
