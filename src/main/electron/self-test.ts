import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { systemClock } from '../base/clock';
import { openDatabase } from '../db/open-database';
import { Ingest } from '../ingest/ingest';

export const selfTestFlag = '--self-test';

/**
 * What an installer's `--self-test` proves on the machine it was built for: the packaged SQLite
 * binding loads, the shipped migrations apply to a new data folder, and a message is written
 * and read back. Nothing of the user's is touched: the folder is temporary and removed.
 */
export function runSelfTest(migrationsDir: string): { ok: true; migrations: number } | { ok: false; error: string } {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'meras-self-test-'));
  try {
    const { sqlite } = openDatabase(dataDir, migrationsDir);
    try {
      const migrations = (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
      const numberId = Number(sqlite.prepare("insert into whatsapp_numbers (name, status) values ('self-test', 'inactive')").run().lastInsertRowid);
      const body = 'اختبار ذاتي ✓';
      const stored = new Ingest(sqlite, systemClock).ingest(numberId, {
        providerId: 'false_966500000000@c.us_SELFTEST',
        chatId: '966500000000@c.us',
        fromMe: false,
        chatKind: 'user',
        customerPhone: '966500000000',
        customerLid: null,
        profileName: null,
        body,
        type: 'chat',
        hasMedia: false,
        timestamp: systemClock.now(),
      });
      if (stored.kind !== 'stored') return { ok: false, error: `message not stored: ${stored.kind}` };
      const read = sqlite.prepare<[number], { content: string }>('select content from messages where conversation_id = ?').get(stored.conversationId);
      if (read?.content !== body) return { ok: false, error: 'message read back differs' };
      return { ok: true, migrations };
    } finally {
      sqlite.close();
    }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
