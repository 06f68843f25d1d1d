import type Database from 'better-sqlite3';
import type { Core } from '../src/main/core/create-core';
import { automationTriggers } from '../src/shared/automation/types';
import { intBelow, seededRandom } from './fake-data';
import { describe, distribution, heading, line, ms, target, thousands } from './report';

/** Issue 15's stats figure: 100,000 jobs that ended in the last 30 days (most of them sent), on the 100k/1M database. */
export const endedJobs = 100_000;
const dayMs = 86_400_000;
const endings = ['sent', 'sent', 'sent', 'sent', 'sent', 'sent', 'failed', 'skipped', 'cancelled', 'expired'] as const;

/** Writes the ended jobs straight to SQLite in one transaction, in the order they ended (as the runner would). */
function seedEndedJobs(sqlite: Database.Database, now: number): { seconds: number; added: number } {
  const have = (sqlite.prepare("select count(*) as n from automation_jobs where idempotency_key like 'bench-ended:%'").get() as { n: number }).n;
  if (have >= endedJobs) return { seconds: 0, added: 0 };
  const started = performance.now();
  const random = seededRandom(15);
  sqlite.transaction(() => {
    const conversations = sqlite.prepare('select id, contact_id, whatsapp_number_id from conversations where id % 5 = 0 limit 50000').all() as { id: number; contact_id: number; whatsapp_number_id: number }[];
    const messages = (sqlite.prepare("select id from messages where sender <> 'customer' limit 100000").all() as { id: number }[]).map((r) => r.id);
    const insert = sqlite.prepare(
      `insert into automation_jobs (rule_id, rule_name, trigger, whatsapp_number_id, conversation_id, contact_id, idempotency_key, due_at, status, message_id, created_at, updated_at, finished_at)
       values (null, 'bench', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const times = Array.from({ length: endedJobs - have }, () => now - intBelow(random, 30 * dayMs)).sort((a, b) => a - b);
    times.forEach((finished, i) => {
      const c = conversations[intBelow(random, conversations.length)]!;
      const status = endings[i % endings.length]!;
      const wrote = status === 'sent' || status === 'failed';
      insert.run(automationTriggers[intBelow(random, automationTriggers.length)]!, c.whatsapp_number_id, c.id, c.contact_id, `bench-ended:${have + i}`, finished, status, wrote ? messages[intBelow(random, messages.length)]! : null, finished, finished, finished);
    });
  })();
  return { seconds: (performance.now() - started) / 1000, added: endedJobs - have };
}

/** `automation.stats` through the router as the Rules page calls it, for each period; the 30-day figure is the target. */
export async function benchAutomationStats(core: Core, adminToken: string): Promise<void> {
  const { sqlite } = core.database;
  const seeded = seedEndedJobs(sqlite, Date.now());
  heading(`Automation stats: ${thousands(endedJobs)} jobs ended in the last 30 days`);
  line('seeded into the working copy', seeded.added === 0 ? 'already there' : `${thousands(seeded.added)} jobs in ${seeded.seconds.toFixed(1)} s`);
  const numberId = (sqlite.prepare('select id from whatsapp_numbers order by id limit 1').get() as { id: number }).id;
  for (const [label, input] of [
    ['30 days, every number', { period: '30d' }],
    ['30 days, one number', { period: '30d', numberId }],
    ['7 days, every number', { period: '7d' }],
    ['24 hours, every number', { period: '24h' }],
  ] as const) {
    const times: number[] = [];
    // On a shared machine wall time includes waiting for a core: the process's own CPU time per call says what the query costs.
    let cpu = 0;
    for (let i = 0; i < 25; i++) {
      const cpuBefore = process.cpuUsage();
      const started = performance.now();
      const { result } = await core.router.call('automation.stats', input, { token: adminToken, clientKey: 'bench' });
      if (!result.success) throw new Error(`automation.stats failed: ${JSON.stringify(result.error)}`);
      if (i >= 5) {
        times.push(performance.now() - started);
        const used = process.cpuUsage(cpuBefore);
        cpu += (used.user + used.system) / 1000;
      }
    }
    const d = distribution(times);
    if (label === '30 days, every number') target(`stats, ${label}, router`, describe(d), d.median < 50, 'median < 50 ms');
    else line(`stats, ${label}, router`, describe(d));
    line('  CPU time per call (this process)', ms(cpu / times.length));
  }
}
