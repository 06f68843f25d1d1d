import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../../testing/test-core';
import type { WebjsMessage } from '../webjs/client-surface';
import type { DemoClient } from './demo-client';
import { createDemoClientFactory, type DemoClientFactoryOptions } from './demo-client-factory';
import { demoCustomersForNumber } from './demo-cast';
import { customerChatId } from './demo-customers';
import { demoPhoneForNumber, seededRandom } from './demo-ids';
import { demoLinkFileName, isDemoLinked, markDemoLinked } from './demo-link';
import { DemoWorld } from './demo-world';

const timings = { firstQrMs: 10, qrIntervalMs: 1000, restoreMs: 20, readyAfterAuthMs: 10, pairingCompletesMs: 400, ackMs: [50, 100, 200] as const, transitMs: 0, sendMs: 0 };
const numberId = 3;
const phone = demoPhoneForNumber(numberId);
const phoneWid = `${phone}@c.us`;
const customer = '966503418752@c.us';
const eventNames = ['qr', 'code', 'authenticated', 'auth_failure', 'ready', 'message', 'message_create', 'message_ack', 'change_state', 'disconnected'];

let dir: string;
beforeEach(() => {
  vi.useFakeTimers();
  dir = tempDir('meras-demo-');
});
afterEach(() => {
  vi.useRealTimers();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function start(options: DemoClientFactoryOptions & { linked?: boolean } = {}) {
  const world = options.world ?? new DemoWorld({ random: seededRandom(1) });
  const factory = createDemoClientFactory({ world, random: seededRandom(2), customers: false, timings, ...options });
  const sessionDir = path.join(dir, 'sessions', `number-${numberId}`);
  if (options.linked) markDemoLinked(sessionDir);
  const client = await factory.create({ numberId, sessionDir });
  const events: { name: string; args: unknown[] }[] = [];
  for (const name of eventNames) client.on(name as 'ready', (...args: unknown[]) => void events.push({ name, args }));
  const names = () => events.map((e) => e.name);
  return { world, factory, client, sessionDir, events, names };
}

async function ready(client: DemoClient): Promise<void> {
  await client.initialize();
  await vi.advanceTimersByTimeAsync(timings.restoreMs + timings.readyAfterAuthMs);
  expect(client.status).toBe('ready');
}

describe('the demo WhatsApp client', () => {
  it('shows a QR, a new one each round until scanned, then authenticates and is ready with its phone', async () => {
    const { factory, client, sessionDir, events, names } = await start();
    await client.initialize();
    expect(factory.scan(numberId)).toBe(false);
    await vi.advanceTimersByTimeAsync(timings.firstQrMs);
    await vi.advanceTimersByTimeAsync(timings.qrIntervalMs);
    expect(names()).toEqual(['qr', 'qr']);
    const [first, second] = events.map((e) => e.args[0] as string);
    expect(first).toMatch(/^2@[A-Za-z0-9+/=]+,[A-Za-z0-9+/=]{44},[A-Za-z0-9+/=]{44},[A-Za-z0-9+/=]{44},1$/);
    expect(second).not.toBe(first);

    expect(factory.scan(numberId)).toBe(true);
    expect(names().at(-1)).toBe('authenticated');
    expect(isDemoLinked(sessionDir)).toBe(true);
    await vi.advanceTimersByTimeAsync(timings.readyAfterAuthMs);
    expect(names()).toEqual(['qr', 'qr', 'authenticated', 'ready']);
    expect(client.info?.wid).toEqual({ server: 'c.us', user: phone, _serialized: phoneWid });

    await vi.advanceTimersByTimeAsync(timings.qrIntervalMs * 3);
    expect(names()).toEqual(['qr', 'qr', 'authenticated', 'ready']);
    expect(factory.scan(numberId)).toBe(false);
  });

  it('restores a saved link without a QR', async () => {
    const { client, names } = await start({ linked: true });
    await ready(client);
    expect(names()).toEqual(['authenticated', 'ready']);
    expect(client.info?.wid?._serialized).toBe(phoneWid);
  });

  it('links by a pairing code typed on the phone', async () => {
    const { client, events, names } = await start();
    await client.initialize();
    await vi.advanceTimersByTimeAsync(timings.firstQrMs);
    const code = await client.requestPairingCode(phone);
    expect(code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(events.at(-1)).toEqual({ name: 'code', args: [code] });
    await vi.advanceTimersByTimeAsync(timings.pairingCompletesMs + timings.readyAfterAuthMs + timings.qrIntervalMs);
    expect(names()).toEqual(['qr', 'code', 'authenticated', 'ready']);
  });

  it('sends with a $1 key and no _serialized, then acks sent, delivered, read in order', async () => {
    const { world, client, events } = await start({ linked: true });
    await ready(client);
    const sent = await client.sendMessage(customer, 'أهلاً، الشقة متاحة للمعاينة السبت');
    expect(sent).toMatchObject({ fromMe: true, from: phoneWid, to: customer, ack: 0, type: 'chat', hasMedia: false });
    expect(sent?.id.id).toMatch(/^3EB0[0-9A-F]{16}$/);
    expect(sent?.id._serialized).toBeUndefined();
    expect(sent?.id).toMatchObject({ fromMe: true, remote: customer, $1: `true_${customer}_${sent?.id.id}` });

    await vi.advanceTimersByTimeAsync(timings.ackMs[2]);
    const acks = events.filter((e) => e.name === 'message_ack');
    expect(acks.map((e) => e.args[1])).toEqual([1, 2, 3]);
    expect(acks.map((e) => (e.args[0] as WebjsMessage).id.$1)).toEqual(Array(3).fill(sent?.id.$1));
    expect(world.sentMessages(phoneWid).map((m) => [m.body, m.ack])).toEqual([['أهلاً، الشقة متاحة للمعاينة السبت', 3]]);
  });

  it('WhatsApp has a message only once its transit ends, and never if the page closes on the way', async () => {
    const { world, client } = await start({ linked: true, timings: { ...timings, transitMs: 300, sendMs: 200 } });
    await ready(client);
    const sending = client.sendMessage(customer, 'first');
    await vi.advanceTimersByTimeAsync(299);
    expect(world.sentMessages(phoneWid)).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    // Taken, but the page has not reported it yet: a crash now leaves it sent and unrecorded.
    expect(world.sentMessages(phoneWid).map((m) => m.body)).toEqual(['first']);
    await vi.advanceTimersByTimeAsync(200);
    await expect(sending).resolves.toMatchObject({ body: 'first' });

    const lost = client.sendMessage(customer, 'second');
    const refused = expect(lost).rejects.toThrow('Target closed');
    await client.destroy();
    await vi.advanceTimersByTimeAsync(300);
    await refused;
    expect(world.sentMessages(phoneWid).map((m) => m.body)).toEqual(['first']);
  });

  it('refuses a malformed chat id as whatsapp-web.js does, and sends nothing', async () => {
    const { world, client } = await start({ linked: true });
    await ready(client);
    for (const bad of ['0501234567', '+966501234567@c.us', 'status@broadcast', '']) {
      await expect(client.sendMessage(bad, 'x')).rejects.toThrow('Evaluation failed: Error: wid error: invalid wid');
    }
    expect(world.sentMessages(phoneWid)).toEqual([]);
  });

  it('keeps what customers wrote while it was away for getChats and fetchMessages, and passes new ones on live', async () => {
    const { world, client, events, names } = await start({ linked: true });
    world.deliverInbound(phoneWid, { from: '+966503418752', body: 'السلام عليكم، عندكم شقق في النرجس؟', profileName: 'عبدالله الشهري' });
    expect(world.isConnected(phoneWid)).toBe(false);
    await ready(client);
    expect(names()).toEqual(['authenticated', 'ready']);

    const chats = await client.getChats();
    const chat = chats.find((c) => c.id._serialized === customer);
    expect(chat).toMatchObject({ name: 'عبدالله الشهري', isGroup: false });
    const [message] = (await chat?.fetchMessages({ limit: 50 })) ?? [];
    expect(message).toMatchObject({ fromMe: false, from: customer, to: phoneWid, body: 'السلام عليكم، عندكم شقق في النرجس؟', type: 'chat', hasMedia: false });
    expect(message?.id.$1).toBe(`false_${customer}_${message?.id.id}`);
    expect(message?._data?.notifyName).toBe('عبدالله الشهري');
    expect(Number.isInteger(message?.timestamp)).toBe(true);
    expect(chats.find((c) => c.isGroup)?.id._serialized).toMatch(/^1203630\d{11}@g\.us$/);
    const status = chats.find((c) => c.id._serialized === 'status@broadcast');
    expect((await status?.fetchMessages({ limit: 5 }))?.[0]).toMatchObject({ isStatus: true, broadcast: true });

    world.deliverInbound(phoneWid, { from: customer, body: 'ممكن أعاين السبت؟', profileName: 'عبدالله الشهري' });
    expect(names().slice(-2)).toEqual(['message_create', 'message']);
    expect((events.at(-1)?.args[0] as WebjsMessage).body).toBe('ممكن أعاين السبت؟');
    expect((await chat?.fetchMessages({ limit: 1 }))?.map((m) => m.body)).toEqual(['ممكن أعاين السبت؟']);
  });

  it('reveals an @lid customer’s phone only later, and our messages in their chat carry our lid', async () => {
    const world = new DemoWorld({ random: seededRandom(1), lidReveal: { afterAsks: 1, afterMs: 5000 } });
    const { client } = await start({ world, linked: true });
    await ready(client);
    const inbound = world.deliverInbound(phoneWid, { from: '966551237904', lid: true, body: 'مساء الخير', profileName: 'نورة العتيبي' });
    const lid = inbound.from;
    expect(lid).toMatch(/^\d{15}@lid$/);
    expect(inbound.to).toBe(world.ownLid(phoneWid));

    expect(await client.getContactLidAndPhone([lid])).toEqual([{ lid, pn: undefined }]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(await client.getContactLidAndPhone([lid])).toEqual([{ lid, pn: undefined }]);
    await vi.advanceTimersByTimeAsync(4000);
    expect(await client.getContactLidAndPhone([lid])).toEqual([{ lid, pn: '966551237904@c.us' }]);

    const reply = await client.sendMessage(lid, 'مساء النور');
    expect(reply).toMatchObject({ fromMe: true, from: world.ownLid(phoneWid), to: lid });
    await expect(client.getContactLidAndPhone(['not-a-wid'])).rejects.toThrow('invalid wid');
  });

  it('replays a journal after being built again: nothing lost, nothing doubled', async () => {
    const journalFile = path.join(dir, 'world.jsonl');
    const world = new DemoWorld({ journalFile, random: seededRandom(1) });
    const { client } = await start({ world, linked: true });
    await ready(client);
    world.deliverInbound(phoneWid, { from: customer, body: 'كم سعر الفيلا في حطين؟', profileName: 'فهد' });
    const sent = await client.sendMessage(customer, 'حياك الله، ٣ مليون');
    await vi.advanceTimersByTimeAsync(timings.ackMs[1]);
    await client.destroy();
    // A writer killed mid-line leaves a torn line: skipped, and later lines still count.
    fs.appendFileSync(journalFile, '{"e":"msg","p":"9665');

    const again = new DemoWorld({ journalFile, random: seededRandom(1) });
    const thread = again.chats(phoneWid).find((c) => c.id === customer)?.messages ?? [];
    expect(thread.map((m) => [m.fromMe, m.body, m.ack])).toEqual([
      [false, 'كم سعر الفيلا في حطين؟', 1],
      [true, 'حياك الله، ٣ مليون', 2],
    ]);
    expect(thread[1]?.id.$1).toBe(sent?.id.$1);
    again.deliverInbound(phoneWid, { from: customer, body: 'تمام', profileName: 'فهد' });
    const third = new DemoWorld({ journalFile });
    expect(third.chats(phoneWid).find((c) => c.id === customer)?.messages.map((m) => m.body)).toEqual(['كم سعر الفيلا في حطين؟', 'حياك الله، ٣ مليون', 'تمام']);
    expect(third.sentMessages(phoneWid)).toHaveLength(1);
  });

  it('passes on what another process wrote to the shared journal, once', async () => {
    const journalFile = path.join(dir, 'shared.jsonl');
    const world = new DemoWorld({ journalFile, pollJournalMs: 50 });
    const { client, names } = await start({ world, linked: true });
    await ready(client);
    const elsewhere = new DemoWorld({ journalFile });
    elsewhere.deliverInbound(phoneWid, { from: customer, body: 'وصلت؟', profileName: 'عبدالله' });
    expect(elsewhere.isConnected(phoneWid)).toBe(false);
    await vi.advanceTimersByTimeAsync(200);
    expect(names().filter((n) => n === 'message')).toHaveLength(1);
    world.close();
    await client.destroy();
  });

  it('has a customer write within seconds of ready, answers an agent, and stops every timer on destroy', async () => {
    const { world, client, events } = await start({
      linked: true,
      customers: { random: seededRandom(7), firstMessageMs: 100, everyMs: [1000, 2000], replyAfterMs: [300, 300], replyChance: 1, noiseChance: 0 },
    });
    await ready(client);
    await vi.advanceTimersByTimeAsync(100);
    const first = events.find((e) => e.name === 'message')?.args[0] as WebjsMessage;
    const writer = demoCustomersForNumber(numberId).find((c) => customerChatId(c) === first.from);
    expect(first.body).toBe(writer?.opening);

    await client.sendMessage(first.from, 'أهلاً وسهلاً، كيف أقدر أخدمك؟');
    await vi.advanceTimersByTimeAsync(300);
    const inbound = events.filter((e) => e.name === 'message').map((e) => e.args[0] as WebjsMessage);
    expect(inbound.map((m) => [m.from, m.body])).toEqual([
      [first.from, writer?.opening],
      [first.from, writer?.followUps[0]],
    ]);

    await client.destroy();
    expect(vi.getTimerCount()).toBe(0);
    expect(world.isConnected(phoneWid)).toBe(false);
    await expect(client.sendMessage(customer, 'x')).rejects.toThrow('Target closed');
  });

  it('logs out by forgetting the link, and drops with the state WhatsApp gives', async () => {
    const { client, sessionDir, names } = await start({ linked: true });
    await expect(client.getChats()).rejects.toThrow("reading 'evaluate'");
    await ready(client);
    client.changeState('CONFLICT');
    expect(names().slice(-2)).toEqual(['change_state', 'disconnected']);
    expect(client.status).toBe('closed');

    await ready(client);
    await client.logout();
    expect(fs.existsSync(path.join(sessionDir, demoLinkFileName))).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    expect(names().slice(-2)).toEqual(['authenticated', 'ready']);
  });
});
