import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, migrationsDir, tempDir } from '../testing/test-core';
import { DemoWorld } from '../whatsapp/demo/demo-world';
import { buildCrashChild, coreOnWorld as coreWith, spawnCrashChild, type CrashChild } from './crash-harness';

/**
 * "Never loses a message": the core runs in a child process that is killed with SIGKILL in
 * the middle of a burst of inbound messages and queued sends. WhatsApp's side (the demo
 * world) lives in a journal file, as a phone outlives the app. After a restart every inbound
 * message is stored once and every answer has gone out exactly once.
 */
let childBundle: string;
beforeAll(async () => {
  childBundle = await buildCrashChild();
}, 60_000);

const children: CrashChild[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.kill()));
});

describe('a crash in the middle of a burst', () => {
  it('loses no message and sends none twice after a SIGKILL', async () => {
    const dataDir = tempDir();
    const journalFile = path.join(tempDir('meras-world-'), 'world.jsonl');
    const customers = Array.from({ length: 8 }, (_, i) => `96650100${String(i).padStart(4, '0')}`);

    // Before: an admin links a number and a first customer writes.
    const before = coreWith(new DemoWorld({ journalFile, pollJournalMs: 5 }), dataDir);
    const admin = await before.setupAdmin();
    const number = await before.call('numbers.create', { name: 'Sales' }, admin.token);
    await before.call('numbers.connect', { id: number.id }, admin.token);
    await eventually(async () => expect((await before.call('numbers.list', {}, admin.token))[0]?.connection.state).toBe('QR_GENERATED'));
    await before.call('numbers.demoScan', { id: number.id }, admin.token);
    await eventually(() => expect(before.core.whatsapp.sessions.isConnected(number.id)).toBe(true));
    const ownPhone = (await before.call('numbers.list', {}, admin.token))[0]!.phoneNumber!.replace('+', '');
    const phone = `${ownPhone}@c.us`;
    const outside = new DemoWorld({ journalFile });
    outside.deliverInbound(phone, { from: customers[0]!, body: 'first', profileName: 'Customer 0' });
    const conversation = await eventually(async () => {
      const [first] = (await before.call('conversations.list', {}, admin.token)).data;
      expect(first).toBeDefined();
      return first!;
    });
    await before.close();

    // The app runs in its own process: it reconnects, customers write, agents answer...
    const sends = 30;
    const child = spawnCrashChild(childBundle, { dataDir, migrationsDir, journalFile, conversationId: conversation.id, email: 'admin@office.test', password: 'admin-pass-123', sends });
    children.push(child);
    await eventually(() => expect(child.output()).toContain('number CONNECTED'), 15_000);

    let delivered = 1;
    const burst = setInterval(() => {
      const from = customers[delivered % customers.length]!;
      outside.deliverInbound(phone, { from, body: `burst ${delivered}`, profileName: `Customer ${delivered % customers.length}` });
      delivered++;
    }, 3);
    // ...and the process dies while both are under way.
    await eventually(() => expect((child.output().match(/status sent/g) ?? []).length).toBeGreaterThanOrEqual(8), 15_000);
    await eventually(() => expect((child.output().match(/new customer/g) ?? []).length).toBeGreaterThanOrEqual(20), 15_000);
    await child.kill();
    for (let i = 0; i < 40; i++) {
      outside.deliverInbound(phone, { from: customers[delivered % customers.length]!, body: `burst ${delivered}` });
      delivered++;
    }
    clearInterval(burst);
    const sentBeforeRestart = outside.sentMessages(phone).length;
    expect(sentBeforeRestart).toBeGreaterThan(0);
    expect(sentBeforeRestart).toBeLessThan(sends);

    // After a restart: everything arrives once, everything goes out once.
    const after = coreWith(new DemoWorld({ journalFile, pollJournalMs: 5 }), dataDir);
    const sqlite = after.core.database.sqlite;
    const totalDelivered = delivered;
    await eventually(() => {
      const stored = sqlite.prepare("select count(*) as n from messages where sender = 'customer'").get() as { n: number };
      const pending = sqlite.prepare("select count(*) as n from messages where sender = 'agent' and status in ('queued', 'failed')").get() as { n: number };
      expect(stored.n).toBe(totalDelivered);
      expect(pending.n).toBe(0);
    }, 20_000);
    const answers = sqlite.prepare("select content, whatsapp_message_id as id from messages where sender = 'agent'").all() as { content: string; id: string | null }[];
    expect(answers).toHaveLength(sends);
    expect(answers.every((a) => a.id !== null)).toBe(true);
    // WhatsApp got every answer once, in the order they were written: no gap, no double, no swap.
    const sent = new DemoWorld({ journalFile }).sentMessages(phone).map((m) => m.body);
    expect(sent).toEqual(Array.from({ length: sends }, (_, i) => `answer ${i + 1}`));
    const distinctInbound = sqlite.prepare("select count(distinct whatsapp_message_id) as n from messages where sender = 'customer'").get() as { n: number };
    expect(distinctInbound.n).toBe(totalDelivered);
    await after.close();
  }, 90_000);
});
