import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Clock } from '../src/main/base/clock';
import { openDatabase } from '../src/main/db/open-database';
import { ActivityLog } from '../src/main/services/activity/activity-log';
import { verifyActivityChain } from '../src/main/services/activity/activity-verify';
import { describe, distribution, heading, line, ms, target, thousands } from './report';

const rows = 1_000_000;
const samples = 2_000;
const actions = ['conversation.assigned', 'conversation.status_changed', 'contact.updated', 'property.updated', 'auth.signed_in', 'offer.created'];

/** Time moves a second per entry: a million entries span about eleven days. */
function steppingClock(start: number): Clock {
  let now = start;
  return { now: () => (now += 1_000) };
}

/**
 * Issue 17's chained activity log on its own database: a million entries appended through
 * ActivityLog.record, then what an append costs beside a plain insert into the same table shape,
 * a full "verify" of the million (and the longest the core is held between two of its pages),
 * and the viewer's first page and first CSV page.
 */
export async function benchActivity(migrationsDir: string): Promise<void> {
  heading(`Activity log: ${thousands(rows)} hash-chained entries`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meras-bench-activity-'));
  const database = openDatabase(dir, migrationsDir);
  const { sqlite } = database;
  try {
    sqlite.prepare("insert into users (id, name, email, password_hash, role) values (1, 'مدير', 'bench@office.test', 'x', 'admin'), (2, 'نورة', 'noura@office.test', 'x', 'supervisor')").run();
    const log = new ActivityLog(database.db, sqlite, steppingClock(Date.UTC(2026, 0, 1)));
    const entry = (i: number) => ({ userId: 1 + (i % 2), action: actions[i % actions.length]!, entityType: 'conversation', entityId: 1 + (i % 5_000), details: { from: 'active', to: 'resolved', n: i } });

    const filled = performance.now();
    const batch = sqlite.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) log.record(entry(i));
    });
    for (let i = 0; i < rows; i += 10_000) batch(i, Math.min(rows, i + 10_000));
    const fillMs = performance.now() - filled;
    line(`${thousands(rows)} appends through record(), 10,000 a transaction`, `${(fillMs / 1000).toFixed(1)} s (${((fillMs * 1000) / rows).toFixed(1)} µs each)`);

    // One append alone, as a service makes it (its own transaction), at the end of a million rows.
    sqlite.exec(`create table activity_plain as select * from activity_log where 0;
      create index plain_created on activity_plain (created_at); create index plain_user on activity_plain (user_id);
      create index plain_action on activity_plain (action); create index plain_entity on activity_plain (entity_type, entity_id);
      insert into activity_plain select * from activity_log;`);
    const plain = sqlite.prepare('insert into activity_plain (user_id, action, entity_type, entity_id, details, created_at) values (?, ?, ?, ?, ?, ?)');
    const chained: number[] = [];
    const unchained: number[] = [];
    for (let i = 0; i < samples; i++) {
      const e = entry(i);
      let started = performance.now();
      log.record(e);
      chained.push(performance.now() - started);
      started = performance.now();
      plain.run(e.userId, e.action, e.entityType, e.entityId, JSON.stringify(e.details), Date.now());
      unchained.push(performance.now() - started);
    }
    const c = distribution(chained);
    const p = distribution(unchained);
    line('one plain insert (no chain), same indexes', describe(p));
    target('one chained append (last hash read + SHA-256 + insert)', describe(c), c.median < 1, 'median < 1 ms');
    line('chained ÷ plain, medians', `${(c.median / p.median).toFixed(2)}×`);

    // What reading alone costs, for comparison: the same pages, no hashing.
    const readStarted = performance.now();
    const read = sqlite.prepare('select id, created_at, actor_id, actor_name, action, entity_type, entity_id, details, prev_hash, hash from activity_log where id > ? order by id limit 2000').raw(true);
    for (let after = 0, page = read.all(0) as number[][]; page.length > 0; after = page.at(-1)![0]!, page = read.all(after) as number[][]);
    line('reading the same pages without hashing', `${((performance.now() - readStarted) / 1000).toFixed(2)} s`);

    // Verify: the longest the event loop waits between pages is what other calls feel.
    let longest = 0;
    let pageStarted = performance.now();
    const verifyStarted = performance.now();
    const result = await verifyActivityChain(sqlite, async () => {
      longest = Math.max(longest, performance.now() - pageStarted);
      await new Promise<void>((resolve) => setImmediate(resolve));
      pageStarted = performance.now();
    });
    longest = Math.max(longest, performance.now() - pageStarted);
    const verifyMs = performance.now() - verifyStarted;
    if (!result.ok || result.checked !== rows + samples) throw new Error(`verify: ${JSON.stringify(result)}`);
    target(`verify the whole chain (${thousands(result.checked)} rows)`, `${(verifyMs / 1000).toFixed(2)} s`, verifyMs < 10_000, '< 10 s');
    target('longest the core is held by one verify page (2,000 rows)', ms(longest), longest < 100, '< 100 ms');

    const timed = (run: () => unknown) => {
      const times: number[] = [];
      for (let i = 0; i < 50; i++) {
        const started = performance.now();
        run();
        times.push(performance.now() - started);
      }
      return distribution(times.slice(10));
    };
    const list = timed(() => log.list({ limit: 100, userId: 2, entityType: 'conversation', entityId: 77 }));
    target('viewer page: one record’s history by one user (100 rows)', describe(list), list.median < 50, 'median < 50 ms');
    const firstList = timed(() => log.list({ limit: 100 }));
    target('viewer first page, no filter (100 rows)', describe(firstList), firstList.median < 20, 'median < 20 ms');
    const csvFirst = timed(() => log.exportPage({ limit: 2_000, action: 'conversation' }, 'ar'));
    target('CSV export, first page (2,000 rows, and the count of all matching)', describe(csvFirst), csvFirst.median < 500, 'median < 500 ms');
    const csvNext = timed(() => log.exportPage({ limit: 2_000, action: 'conversation', beforeId: 500_000 }, 'ar'));
    target('CSV export, a later page (2,000 rows)', describe(csvNext), csvNext.median < 250, 'median < 250 ms');
  } finally {
    database.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
