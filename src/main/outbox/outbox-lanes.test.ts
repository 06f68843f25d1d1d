import { afterEach, describe, expect, it } from 'vitest';
import type { OutboundContent } from '../whatsapp/transport';
import type { OutboxPolicy, SendFn } from './outbox';
import { runClock, scriptedWhatsApp, settle, startOutboxCore, type OutboxCore } from './outbox-harness';
import { SendError } from './send-errors';

/**
 * The outbox's sender per number as WhatsApp Web comes and goes (open, reload, drop), the
 * answers' replies and acks, and what the windows are told. The real outbox on a real SQLite
 * file; time is the core's clock, moved by the test.
 */
const running: OutboxCore[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((t) => t.close()));
});

async function office(policy: Partial<OutboxPolicy> = {}) {
  const t = startOutboxCore({ policy });
  running.push(t);
  const admin = await t.setupAdmin();
  const { number, conversations } = await t.numberWithCustomers(admin.token, 'Sales', 1);
  const conversationId = conversations[0]!;
  const answer = (content: string, extra: { replyToId?: number } = {}) => t.call('messages.send', { conversationId, content, ...extra }, admin.token);
  const thread = () => t.call('messages.list', { conversationId }, admin.token);
  const statusEvents = (messageId: number) =>
    t.events.filter((e) => e.event === 'message.status' && (e.data as { messageId: number }).messageId === messageId).map((e) => e.data as { status: string; errorCode: string | null });
  return { t, admin, number, conversationId, answer, thread, statusEvents, outbox: t.core.whatsapp.outbox };
}

/** A send the test answers by hand: each call waits until `answer` gives it its WhatsApp id. */
function heldWhatsApp() {
  const calls: { chatId: string; content: OutboundContent; reply: (providerId: string | null) => void }[] = [];
  const send: SendFn = (chatId, content) => new Promise((resolve) => calls.push({ chatId, content, reply: (providerId) => resolve({ providerId }) }));
  return { send, calls };
}

describe('a number’s sender as WhatsApp comes and goes', () => {
  it('a number that drops stops sending at once; what is left goes out when it is back', async () => {
    const { t, number, outbox, answer } = await office({ paceMs: 1_000 });
    const whatsapp = scriptedWhatsApp(t.clock);
    for (const text of ['one', 'two', 'three']) await answer(text);
    outbox.open(number.id, whatsapp.send);
    await settle();
    outbox.close(number.id);
    await runClock(t.clock);
    expect(whatsapp.reached.map((s) => s.text)).toEqual(['one']);
    await answer('four');
    await runClock(t.clock);
    expect(whatsapp.reached.map((s) => s.text)).toEqual(['one']);
    outbox.open(number.id, whatsapp.send);
    await runClock(t.clock);
    expect(whatsapp.reached.map((s) => s.text)).toEqual(['one', 'two', 'three', 'four']);
  });

  it('the app shutting down stops every number’s sender', async () => {
    const { t, number, outbox, answer } = await office({ paceMs: 1_000 });
    const whatsapp = scriptedWhatsApp(t.clock);
    for (const text of ['one', 'two']) await answer(text);
    outbox.open(number.id, whatsapp.send);
    await settle();
    outbox.closeAll();
    await runClock(t.clock);
    expect(whatsapp.reached.map((s) => s.text)).toEqual(['one']);
  });

  it('WhatsApp Web reloading (a second ready) keeps one pace, not two senders side by side', async () => {
    const { t, number, outbox, answer } = await office({ paceMs: 1_000 });
    const whatsapp = scriptedWhatsApp(t.clock);
    for (const text of ['one', 'two', 'three', 'four']) await answer(text);
    const startedAt = t.clock.now();
    outbox.open(number.id, whatsapp.send);
    await settle();
    outbox.open(number.id, whatsapp.send);
    await runClock(t.clock);
    expect(whatsapp.reached.map((s) => [s.text, s.at - startedAt])).toEqual([
      ['one', 0],
      ['two', 0],
      ['three', 1_000],
      ['four', 2_000],
    ]);
  });

  it('waiting for a number to have nothing left to send ends once its queue is out, and not while it is closed', async () => {
    const { t, number, outbox, answer } = await office({ paceMs: 1_000 });
    const whatsapp = scriptedWhatsApp(t.clock);
    for (const text of ['one', 'two', 'three']) await answer(text);
    let idle = 0;
    const waited = [outbox.whenIdle(number.id), outbox.whenIdle(number.id)].map((p) => p.then(() => idle++));
    outbox.open(number.id, whatsapp.send);
    await settle();
    expect(idle).toBe(0);
    // Closed mid-queue: nothing it would send twice has gone, but it is not idle either.
    outbox.close(number.id);
    await runClock(t.clock);
    expect(idle).toBe(0);
    outbox.open(number.id, whatsapp.send);
    await runClock(t.clock);
    await Promise.all(waited);
    expect(idle).toBe(2);
    expect(whatsapp.reached.map((s) => s.text)).toEqual(['one', 'two', 'three']);
    // Open with nothing to send: at once.
    let again = false;
    await outbox.whenIdle(number.id).then(() => (again = true));
    expect(again).toBe(true);
  });
});

describe('replies, acks and echoes', () => {
  it('a reply goes out quoting its original’s WhatsApp id; a reply to one WhatsApp never took goes as a plain message', async () => {
    const { number, outbox, answer } = await office();
    const whatsapp = heldWhatsApp();
    const first = await answer('first');
    outbox.open(number.id, whatsapp.send);
    await settle();
    whatsapp.calls[0]!.reply('true_966501000001@c.us_FIRST');
    await settle();
    const reply = await answer('reply', { replyToId: first.id });
    await settle();
    // Each carries our own message id too (the Cloud API's biz_opaque_callback_data).
    expect(whatsapp.calls[1]!.content).toEqual({ text: 'reply', quotedMessageId: 'true_966501000001@c.us_FIRST', localId: reply.id });
    expect(whatsapp.calls[0]!.content).toEqual({ text: 'first', localId: first.id });
    // The reply went out but WhatsApp gave no id back: a reply to it cannot quote it.
    whatsapp.calls[1]!.reply(null);
    await settle();
    const replied = whatsapp.calls.length;
    const last = await answer('reply to reply', { replyToId: reply.id });
    await settle();
    expect(whatsapp.calls[replied]!.content).toEqual({ text: 'reply to reply', localId: last.id });
  });

  it('an ack that arrives before the send returns its id is applied once it does', async () => {
    const { number, outbox, answer, thread } = await office();
    const whatsapp = heldWhatsApp();
    await answer('hello');
    outbox.open(number.id, whatsapp.send);
    await settle();
    expect(outbox.ack(number.id, { providerId: 'true_966501000001@c.us_EARLY', status: 'delivered' })).toBeNull();
    whatsapp.calls[0]!.reply('true_966501000001@c.us_EARLY');
    await settle();
    expect((await thread()).map((m) => m.status)).toEqual(['delivered']);
    // Later acks reach the message itself.
    expect(outbox.ack(number.id, { providerId: 'true_966501000001@c.us_EARLY', status: 'read' })).toMatchObject({ status: 'read' });
  });

  it('an early ack is kept five minutes, then forgotten', async () => {
    const { t, number, outbox, answer, thread } = await office();
    const whatsapp = heldWhatsApp();
    await answer('kept');
    await answer('forgotten');
    outbox.open(number.id, whatsapp.send);
    await settle();
    outbox.ack(number.id, { providerId: 'P1', status: 'delivered' });
    t.clock.advance(5 * 60_000);
    // Another early ack makes the outbox let go of the old ones: exactly five minutes old is kept.
    outbox.ack(number.id, { providerId: 'OTHER', status: 'delivered' });
    whatsapp.calls[0]!.reply('P1');
    await settle();
    outbox.ack(number.id, { providerId: 'P2', status: 'delivered' });
    t.clock.advance(5 * 60_000 + 1);
    outbox.ack(number.id, { providerId: 'OTHER2', status: 'delivered' });
    whatsapp.calls[1]!.reply('P2');
    await settle();
    expect((await thread()).map((m) => [m.content, m.status])).toEqual([
      ['kept', 'delivered'],
      ['forgotten', 'sent'],
    ]);
  });

  it('an echo WhatsApp stored as a message of its own before the send returned is folded into the answer', async () => {
    const { t, number, outbox, answer, thread } = await office();
    const whatsapp = heldWhatsApp();
    await answer('hello');
    outbox.open(number.id, whatsapp.send);
    await settle();
    const echo = (body: string, providerId: string) =>
      t.core.whatsapp.ingest.ingest(number.id, {
        providerId, chatId: whatsapp.calls[0]!.chatId, fromMe: true, chatKind: 'user', customerPhone: whatsapp.calls[0]!.chatId.split('@')[0]!,
        customerLid: null, profileName: null, body, type: 'chat', hasMedia: false, timestamp: t.clock.now(),
      });
    // WhatsApp's copy differs from what was sent (it trimmed it): ingest could not match it.
    expect(echo('hello ', 'E1').kind).toBe('stored');
    whatsapp.calls[0]!.reply('E1');
    await settle();
    expect((await thread()).map((m) => [m.content, m.status])).toEqual([['hello', 'sent']]);
  });

  it('an answer whose echo was matched before the send returned stays, and the windows hear of it once', async () => {
    const { t, number, outbox, answer, thread, statusEvents } = await office();
    const whatsapp = heldWhatsApp();
    const sent = await answer('hello');
    outbox.open(number.id, whatsapp.send);
    await settle();
    const chatId = whatsapp.calls[0]!.chatId;
    const matched = t.core.whatsapp.ingest.ingest(number.id, {
      providerId: 'E2', chatId, fromMe: true, chatKind: 'user', customerPhone: chatId.split('@')[0]!,
      customerLid: null, profileName: null, body: 'hello', type: 'chat', hasMedia: false, timestamp: t.clock.now(),
    });
    expect(matched.kind).toBe('matched');
    whatsapp.calls[0]!.reply('E2');
    await settle();
    expect((await thread()).map((m) => [m.id, m.status])).toEqual([[sent.id, 'sent']]);
    // The echo moved it to sent; the send's return changed nothing the windows need hear again.
    expect(statusEvents(sent.id)).toEqual([]);
  });
});

describe('what the windows and the thread are told', () => {
  it('an answer shows at once as the conversation’s last message, as text, and each outcome is told once', async () => {
    const { t, admin, number, conversationId, outbox, answer, thread, statusEvents } = await office();
    const whatsapp = scriptedWhatsApp(t.clock);
    whatsapp.failWith('refused', new SendError('The number was removed', true, 'number_removed'));
    const ok = await answer('تم الحجز');
    expect((await t.call('conversations.list', {}, admin.token)).data.find((c) => c.id === conversationId)?.lastMessage).toBe('تم الحجز');
    expect((await thread())[0]).toMatchObject({ type: 'text', status: 'queued' });
    const refused = await answer('refused');
    outbox.open(number.id, whatsapp.send);
    await runClock(t.clock);
    expect(statusEvents(ok.id)).toEqual([expect.objectContaining({ status: 'sent' })]);
    expect(statusEvents(refused.id)).toEqual([expect.objectContaining({ status: 'failed', errorCode: 'number_removed' })]);
  });

  it('retry queues a failed answer again and says so; an answer that has not failed cannot be retried', async () => {
    const { t, admin, number, outbox, answer, thread, statusEvents } = await office({ maxAttempts: 1 });
    const whatsapp = scriptedWhatsApp(t.clock);
    whatsapp.failWith('flaky', new Error('timeout'));
    const flaky = await answer('flaky');
    const fine = await answer('fine');
    outbox.open(number.id, whatsapp.send);
    await runClock(t.clock);
    expect((await t.failure('messages.retry', { id: fine.id }, admin.token)).code).toBe('UNPROCESSABLE_ENTITY');
    outbox.close(number.id);
    const before = statusEvents(flaky.id).length;
    expect((await t.call('messages.retry', { id: flaky.id }, admin.token)).status).toBe('queued');
    expect(statusEvents(flaky.id).slice(before)).toEqual([expect.objectContaining({ status: 'queued' })]);
    expect((await thread()).map((m) => m.status)).toEqual(['queued', 'sent']);
  });

  it('an answer left in flight whose history could not be read is failed as unconfirmed, saying why, and the windows are told', async () => {
    const { t, number, outbox, answer, thread, statusEvents } = await office();
    const sent = await answer('first');
    t.core.database.sqlite.prepare('update messages set in_flight_at = ?, attempts = 1 where id = ?').run(t.clock.now(), sent.id);
    outbox.reconcile(number.id, false);
    expect((await thread())[0]).toMatchObject({ status: 'failed', errorCode: 'unconfirmed', error: 'The app stopped while sending and WhatsApp history could not be checked' });
    expect(statusEvents(sent.id)).toEqual([expect.objectContaining({ status: 'failed', errorCode: 'unconfirmed' })]);
  });

  it('an answer to a customer with no WhatsApp address fails as an invalid recipient', async () => {
    const { t, number, conversationId, outbox, answer, thread } = await office();
    const sqlite = t.core.database.sqlite;
    sqlite.prepare('update conversations set wa_chat_id = null where id = ?').run(conversationId);
    sqlite.prepare('update contacts set phone = null where id = (select contact_id from conversations where id = ?)').run(conversationId);
    await answer('hello');
    const whatsapp = scriptedWhatsApp(t.clock);
    outbox.open(number.id, whatsapp.send);
    await runClock(t.clock);
    expect(whatsapp.attempts).toEqual([]);
    expect((await thread())[0]).toMatchObject({ status: 'failed', errorCode: 'invalid_recipient', error: 'The customer has no WhatsApp address' });
  });
});
