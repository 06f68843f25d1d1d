import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCrashChild, coreOnWorld, linkedOffice, spawnCrashChild, type CrashChild } from '../../../outbox/crash-harness';
import { eventually, migrationsDir, tempDir } from '../../../testing/test-core';
import { DemoWorld } from '../../../whatsapp/demo/demo-world';

/**
 * Issue 15: "claiming a job and writing its outbox message is one transaction: a SIGKILL at any
 * instant yields exactly one message". The core runs in a child process that freezes at the
 * named point and is killed there with SIGKILL; WhatsApp's side (the demo world) lives in a
 * journal file, as a phone outlives the app. A core started after takes over.
 */
let childBundle: string;
beforeAll(async () => {
  childBundle = await buildCrashChild(path.join(__dirname, 'automation-crash-child.ts'));
}, 60_000);

const children: CrashChild[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.kill()));
});

describe.each([
  ['between claiming the job and committing its message', 'claim', 'claimed'],
  ['after the commit, before the message reaches WhatsApp', 'commit', 'committed'],
] as const)('a SIGKILL %s', (_when, pauseAt, signal) => {
  it('still sends the automated message exactly once after a restart', async () => {
    const dataDir = tempDir();
    const journalFile = path.join(tempDir('meras-world-'), 'world.jsonl');
    const outside = new DemoWorld({ journalFile });
    const office = await linkedOffice(new DemoWorld({ journalFile, pollJournalMs: 5 }), outside, dataDir);

    const child = spawnCrashChild(childBundle, { dataDir, migrationsDir, journalFile, conversationId: office.conversationId, pauseAt });
    children.push(child);
    await eventually(() => expect(child.output()).toContain(signal), 20_000);
    await child.kill();
    const welcomes = () => new DemoWorld({ journalFile }).sentMessages(office.phone).filter((m) => m.body === 'مرحباً Customer 0');
    expect(welcomes()).toEqual([]);

    const after = coreOnWorld(new DemoWorld({ journalFile, pollJournalMs: 5 }), dataDir);
    const sqlite = after.core.database.sqlite;
    await eventually(() => {
      const job = sqlite.prepare<[], { status: string; message_id: number | null }>("select status, message_id from automation_jobs where idempotency_key like '%:crash'").get();
      expect(job?.status).toBe('sent');
      const message = sqlite.prepare<[number], { status: string }>('select status from messages where id = ?').get(job!.message_id!);
      expect(message?.status).not.toBe('queued');
    }, 20_000);
    expect(welcomes()).toHaveLength(1);
    expect(sqlite.prepare("select count(*) as n from messages where client_id like 'automation:%'").get()).toEqual({ n: 1 });
    await after.close();
  }, 90_000);
});
