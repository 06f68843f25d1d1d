import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eventually, migrationsDir, tempDir } from '../testing/test-core';
import type { WebjsClientFactory } from '../whatsapp/webjs/client-surface';
import type { DemoTimings } from '../whatsapp/demo/demo-client';
import { DemoWorld } from '../whatsapp/demo/demo-world';
import { buildCrashChild, coreOnWorld, linkedOffice, spawnCrashChild, type CrashChild } from './crash-harness';

/**
 * The outbox marks a message in flight before it asks WhatsApp, so that after a crash it can
 * tell what went out. These tests kill the app (SIGKILL, a real child process) while the first
 * of three answers is in flight — before it reached WhatsApp, or after — and check what a
 * restart sends, in order, against WhatsApp's own record (the demo world's journal).
 */
let bundle: string;
beforeAll(async () => {
  bundle = await buildCrashChild();
}, 60_000);

const children: CrashChild[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.kill()));
});

const answers = ['answer 1', 'answer 2', 'answer 3'];

/** Links a number, starts the app in a child whose sends stall as `timings` say, and kills it once `landed` holds. */
async function crashWhile(timings: Partial<DemoTimings>, landed: (state: { inFlight: boolean; reached: string[] }) => boolean) {
  const dataDir = tempDir();
  const journalFile = path.join(tempDir('meras-world-'), 'world.jsonl');
  const outside = new DemoWorld({ journalFile });
  const office = await linkedOffice(new DemoWorld({ journalFile, pollJournalMs: 5 }), outside, dataDir);
  const child = spawnCrashChild(bundle, { dataDir, migrationsDir, journalFile, conversationId: office.conversationId, email: office.email, password: office.password, sends: answers.length, timings });
  children.push(child);
  const reached = () => new DemoWorld({ journalFile }).sentMessages(office.phone).map((m) => m.body);
  const db = new Database(path.join(dataDir, 'meras.db'), { readonly: true, fileMustExist: true });
  try {
    const firstInFlight = () =>
      (db.prepare("select in_flight_at from messages where content = 'answer 1' and status = 'queued'").get() as { in_flight_at: number | null } | undefined)?.in_flight_at != null;
    await eventually(() => {
      expect(child.output()).toContain('queued');
      expect(landed({ inFlight: firstInFlight(), reached: reached() })).toBe(true);
    }, 20_000);
  } finally {
    db.close();
  }
  await child.kill();
  return { ...office, dataDir, journalFile, reached };
}

/** The app starts again on the same data and WhatsApp; resolves once its queue has drained. */
async function restart(crash: Awaited<ReturnType<typeof crashWhile>>, wrap?: (factory: WebjsClientFactory) => WebjsClientFactory) {
  const t = coreOnWorld(new DemoWorld({ journalFile: crash.journalFile, pollJournalMs: 5 }), crash.dataDir, wrap);
  await eventually(() => t.core.whatsapp.sessions.isConnected(crash.number.id), 15_000);
  // The outbox opens after catch-up matched what WhatsApp has: anything doubled is sent by the time it is idle.
  await t.core.whatsapp.outbox.whenIdle(crash.number.id);
  const rows = t.core.database.sqlite.prepare("select content, status, error_code as code from messages where sender = 'agent' order by id").all();
  await t.close();
  return rows as { content: string; status: string; code: string | null }[];
}

/** WhatsApp's history cannot be read after the restart (the page's store is broken). */
const historyUnreadable = (factory: WebjsClientFactory): WebjsClientFactory => ({
  ...factory,
  async create(options) {
    const client = await factory.create(options);
    client.getChats = () => Promise.reject(new Error('Evaluation failed: TypeError: Cannot read properties of undefined (reading getChats)'));
    return client;
  },
});

describe('a crash while an answer is in flight', () => {
  it('an answer that never reached WhatsApp is sent once after a restart, still first', async () => {
    const crash = await crashWhile({ transitMs: 60_000 }, ({ inFlight, reached }) => inFlight && reached.length === 0);
    const rows = await restart(crash);
    expect(crash.reached()).toEqual(answers);
    expect(rows.map((r) => [r.content, r.code])).toEqual(answers.map((a) => [a, null]));
    expect(rows.every((r) => /sent|delivered|read/.test(r.status))).toBe(true);
  }, 60_000);

  it('an answer that reached WhatsApp before the crash is matched in its history, not sent again', async () => {
    const crash = await crashWhile({ transitMs: 0, sendMs: 60_000 }, ({ inFlight, reached }) => inFlight && reached.length === 1);
    const rows = await restart(crash);
    expect(crash.reached()).toEqual(answers);
    expect(rows.map((r) => [r.content, r.code])).toEqual(answers.map((a) => [a, null]));
    expect(rows.every((r) => /sent|delivered|read/.test(r.status))).toBe(true);
  }, 60_000);

  it('when WhatsApp’s history cannot be read after the crash, the answer fails as unconfirmed instead of going out blindly', async () => {
    const crash = await crashWhile({ transitMs: 60_000 }, ({ inFlight, reached }) => inFlight && reached.length === 0);
    const rows = await restart(crash, historyUnreadable);
    expect(crash.reached()).toEqual(['answer 2', 'answer 3']);
    expect(rows.map((r) => [r.content, r.code])).toEqual([
      ['answer 1', 'unconfirmed'],
      ['answer 2', null],
      ['answer 3', null],
    ]);
    expect(rows[0]!.status).toBe('failed');
  }, 60_000);
});
