import type Database from 'better-sqlite3';
import { systemClock } from '../src/main/base/clock';
import type { Core } from '../src/main/core/create-core';
import { Ingest } from '../src/main/ingest/ingest';
import { rebuildDashboardStats } from '../src/main/services/dashboard/stats-rebuild';
import type { StatsKeeper } from '../src/main/services/dashboard/stats-keeper';
import { foldContactLast } from '../src/main/services/dashboard/contact-last';
import { flushStagedCounts, stagedCounts } from '../src/main/services/dashboard/staged-counts';
import { messageTextPool, seededRandom } from './fake-data';
import { inboundMessages, loadExisting, type Inbound } from './ingest-bench';
import { describe, distribution, heading, line, ms, target, thousands } from './report';

/** Ten alternating rounds: this VM's speed drifts by more than the figures' cost from round to round (0.77–1.40 a pair). */
const rounds = 10;
const perRound = 5_000;
const warmUp = 1_000;
/** Ingested with the figures kept after the last rebuild, so the check below compares kept with rebuilt. */
const checked = 5_000;

/** An Ingest that keeps no figures: the baseline the kept figures' cost is measured against (bench only). */
function ingestWithoutStats(sqlite: Database.Database): Ingest {
  const ingest = new Ingest(sqlite, systemClock);
  const none: Pick<StatsKeeper, 'opensEpisodeOnInsert' | 'customerMessage' | 'ourMessageSent' | 'removed' | 'retyped'> = {
    // The same conversation insert, with no episode on it.
    opensEpisodeOnInsert: () => false,
    customerMessage: () => undefined,
    ourMessageSent: () => undefined,
    removed: (_m, _d, remove) => remove(),
    retyped: () => undefined,
  };
  Object.assign(ingest, { stats: none });
  return ingest;
}

/** A comparable digest of the kept tables: counts and sums of every column. */
function digest(sqlite: Database.Database): string {
  return JSON.stringify([
    sqlite
      .prepare(
        `select count(*) as n, sum(conversation_id) as c, sum(started_at % 1000003) as s, count(first_reply_at) as r, sum(first_reply_at % 1000003) as ra,
           sum(first_reply_message_id) as rm, sum(coalesce(first_reply_by, 0)) as rb, sum(response_ms % 1000003) as w, sum(office_response_ms % 1000003) as o,
           sum(length(start_day)) as d, sum(length(prev_start_day)) as p from dashboard_episodes`,
      )
      .get(),
    sqlite.prepare("select count(*) as n, sum(messages) as m, sum(agent_id * messages) as a, sum(length(type) * messages) as t from dashboard_daily where messages <> 0").get(),
    sqlite.prepare('select count(*) as n, sum(contact_id) as c from dashboard_contact_days').get(),
    // Each conversation's open episode (its last, unanswered) is on its row.
    sqlite
      .prepare(
        'select count(*) as n, sum(id) as c, sum(open_started_at % 1000003) as s, sum(length(open_start_day)) as d, sum(length(open_prev_start_day)) as p from conversations where open_started_at is not null',
      )
      .get(),
  ]);
}

/**
 * Issue 17's write side on the 100k/1M working copy: the rebuild from raw rows (< 30 s), ingest
 * with the figures kept beside ingest without (alternating rounds, same run, ratio ≥ 0.9), and
 * the kept figures against a rebuild after ingesting with them.
 */
export function benchDashboardStats(sqlite: Database.Database): void {
  heading('Dashboard statistics: rebuild and upkeep');
  let started = performance.now();
  const cpuBefore = process.cpuUsage();
  const built = rebuildDashboardStats(sqlite, Date.now());
  const rebuildMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  target('rebuild from raw rows', `${(rebuildMs / 1000).toFixed(1)} s, ${thousands(built.episodes)} episodes`, rebuildMs < 30_000, '< 30 s');
  // On a shared machine wall time includes waiting for a core: the process's own CPU time says what the rebuild costs.
  line('  CPU time (this process)', `${((cpu.user + cpu.system) / 1e6).toFixed(1)} s`);

  const random = seededRandom(1717);
  const existing = loadExisting(sqlite);
  const texts = messageTextPool(random, 2_000);
  const all = inboundMessages(random, existing, texts, 2 * (warmUp + rounds * perRound) + 2 * checked).map((m, i): Inbound => ({ ...m, providerId: `${m.providerId}_dash${i}` }));
  const kept = new Ingest(sqlite, systemClock);
  const bare = ingestWithoutStats(sqlite);
  let next = 0;
  const run = (ingest: Ingest, count: number) => {
    for (let i = 0; i < count; i++) {
      const m = all[next++]!;
      ingest.ingest(m.numberId, m);
    }
  };
  run(kept, warmUp);
  run(bare, warmUp);
  let keptMs = 0;
  let bareMs = 0;
  let keptCpu = 0;
  let bareCpu = 0;
  // Alternating which goes first, so WAL checkpoints and machine noise fall on both alike.
  for (let r = 0; r < rounds; r++) {
    for (const which of r % 2 === 0 ? (['bare', 'kept'] as const) : (['kept', 'bare'] as const)) {
      started = performance.now();
      const cpu = process.cpuUsage();
      run(which === 'kept' ? kept : bare, perRound);
      // What the kept round staged is written in its time, not the next round's, as ingest's own
      // flushes write it; the customers' last days are folded at the next read (timed below).
      if (which === 'kept') stagedCounts(sqlite).flush();
      const used = process.cpuUsage(cpu);
      if (which === 'kept') {
        keptMs += performance.now() - started;
        keptCpu += used.user + used.system;
      } else {
        bareMs += performance.now() - started;
        bareCpu += used.user + used.system;
      }
    }
  }
  const total = rounds * perRound;
  const keptRate = (total * 1000) / keptMs;
  const bareRate = (total * 1000) / bareMs;
  line('ingest without the figures', `${thousands(bareRate)} messages/s`);
  line('ingest keeping the figures', `${thousands(keptRate)} messages/s`);
  target('ingest with statistics ÷ without', (keptRate / bareRate).toFixed(3), keptRate / bareRate >= 0.9, '≥ 0.9');
  // The same ratio in this process's CPU time (the WAL's writes included): steadier than wall time on a shared machine.
  line('  in CPU time (this process)', (bareCpu / keptCpu).toFixed(3));
  // What the dashboard's next read adds for those messages: each customer's last day (contact-last.ts).
  const customers = sqlite.prepare<[], number>("select count(*) from dashboard_contact_days where day >= (select value ->> '$' from settings where key = 'dashboard.contactLastFrom')").pluck().get() ?? 0;
  started = performance.now();
  foldContactLast(sqlite);
  line(`  the next read's fold of ${thousands(customers)} customer days`, ms(performance.now() - started));

  // The baseline's messages are in no figure: a rebuild takes them in, then ingest keeps the rest.
  // The generator writes resolved conversations without the activity log's status change a real
  // resolve leaves, so a message reopening one has no history to rebuild from: those are left out.
  rebuildDashboardStats(sqlite, Date.now());
  const resolved = new Set(
    sqlite
      .prepare<[], { key: string }>("select ct.phone || '|' || c.whatsapp_number_id as key from conversations c join contacts ct on ct.id = c.contact_id where c.status = 'resolved' and ct.phone is not null")
      .all()
      .map((r) => r.key),
  );
  let left = checked;
  while (left > 0 && next < all.length) {
    const m = all[next++]!;
    if (resolved.has(`+${m.customerPhone}|${m.numberId}`)) continue;
    kept.ingest(m.numberId, m);
    left--;
  }
  flushStagedCounts(sqlite);
  const keptDigest = digest(sqlite);
  rebuildDashboardStats(sqlite, Date.now());
  target(`kept figures after ${thousands(checked)} more messages, against a rebuild`, keptDigest === digest(sqlite) ? 'equal' : 'DIFFERENT', keptDigest === digest(sqlite), 'equal');
}

/** The whole dashboard as the page asks for it, through the router, for 30 days and 12 months. */
export async function benchDashboard(core: Core, adminToken: string): Promise<void> {
  heading('Dashboard: the whole summary per range, through the router');
  for (const [label, preset, goal] of [
    ['30 days', '30d', 100],
    ['12 months', '12m', 250],
  ] as const) {
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let i = 0; i < 25; i++) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const { result } = await core.router.call('dashboard.summary', { preset }, { token: adminToken, clientKey: 'bench' });
      if (!result.success) throw new Error(`dashboard.summary failed: ${JSON.stringify(result.error)}`);
      const used = process.cpuUsage(cpu);
      if (i >= 5) {
        times.push(performance.now() - started);
        cpuTimes.push((used.user + used.system) / 1000);
      }
    }
    const d = distribution(times);
    target(`dashboard, ${label}, every number`, describe(d), d.median < goal, `median < ${goal} ms`);
    // On a shared machine wall time includes waiting for a core: the process's own CPU time says what a summary costs.
    line('  CPU time (this process), median', ms(distribution(cpuTimes).median));
  }
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const started = performance.now();
    const { result } = await core.router.call('dashboard.drillDown', { query: { preset: '30d' }, figure: 'answered' }, { token: adminToken, clientKey: 'bench' });
    if (!result.success) throw new Error(`dashboard.drillDown failed: ${JSON.stringify(result.error)}`);
    if (i >= 5) times.push(performance.now() - started);
  }
  line('drill-down, answered in 30 days (200 rows)', ms(distribution(times).median));
}
