import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildCrashChild, spawnCrashChild, type CrashChild } from '../../outbox/crash-harness';
import { eventually, manualClock, migrationsDir, startTestCore, tempDir } from '../../testing/test-core';
import { dashboardOffice, type DashboardOffice } from './dashboard-office';
import { stagedCounts, statsStagedKey } from './staged-counts';
import { rebuildDashboardStats } from './stats-rebuild';
import { statsRecomputing } from './stats-recompute';

/**
 * Issue 17's figures stay exact while ingest stages its daily and contact counts off the WAL
 * (staged-counts.ts): a user never sees them lag, a failed message leaves none, and a kill before
 * they were flushed leads to a recompute, not to figures short of a rebuild.
 */
const offices: DashboardOffice[] = [];
const children: CrashChild[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.kill()));
  await Promise.all(offices.splice(0).map((o) => o.t.close()));
});

async function office() {
  const o = await dashboardOffice(manualClock(Date.UTC(2026, 10, 25, 9, 0)));
  offices.push(o);
  return o;
}

const marked = (o: DashboardOffice) => o.sqlite.prepare('select 1 from settings where key = ?').get(statsStagedKey) !== undefined;

describe('the dashboard while ingest stages its counts', () => {
  it('shows every message and customer the moment after they arrive', async () => {
    const o = await office();
    for (let i = 1; i <= 5; i++) o.customerWrites(`96650000000${i}`);
    o.customerWrites('966500000001');
    // Staged, not yet in the kept tables: the read below is what writes them.
    expect(marked(o)).toBe(true);

    const s = await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token);
    expect(s.stats).toMatchObject({ incoming: 6, totalMessages: 6, activeContacts: 5 });
    expect(s.charts.messagesByDay.at(-1)).toMatchObject({ incoming: 6 });
    expect(marked(o)).toBe(false);
  });

  it('counts nothing of a message whose storing was rolled back', async () => {
    const o = await office();
    o.customerWrites('966500000001');
    expect(() =>
      o.sqlite.transaction(() => {
        o.customerWrites('966500000002');
        o.customerWrites('966500000001');
        throw new Error('the disk filled up');
      })(),
    ).toThrow('the disk filled up');

    const s = await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token);
    expect(s.stats).toMatchObject({ incoming: 1, activeContacts: 1 });
    const rebuiltFrom = o.kept();
    rebuildDashboardStats(o.sqlite, Date.now());
    expect(o.kept()).toEqual(rebuiltFrom);
  });

  it('marks a staging committed after one that rolled back, so a kill then still recomputes', async () => {
    const o = await office();
    o.customerWrites('966500000001');
    await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token);
    expect(marked(o)).toBe(false);
    // The first staging since the flush rolls back, taking its mark with it…
    expect(() =>
      o.sqlite.transaction(() => {
        o.customerWrites('966500000001');
        throw new Error('the disk filled up');
      })(),
    ).toThrow('the disk filled up');
    expect(marked(o)).toBe(false);
    // …and the same day's count, staged again and committed, is marked again.
    o.customerWrites('966500000001');
    expect(marked(o)).toBe(true);
  });
});

describe('a SIGKILL after ingest staged counts it had not flushed', () => {
  let childBundle: string;
  beforeAll(async () => {
    childBundle = await buildCrashChild(path.join(__dirname, 'dashboard-crash-child.ts'));
  }, 60_000);

  it('says "recomputing" at the next start, then shows figures equal to a rebuild', async () => {
    const dataDir = tempDir();
    const first = startTestCore({ dataDir });
    const admin = await first.setupAdmin();
    const number = await first.call('numbers.create', { name: 'Sales' }, admin.token);
    await first.close();

    const phones = ['966500000001', '966500000002', '966500000001', '966500000003'];
    const child = spawnCrashChild(childBundle, { dataDir, migrationsDir, numberId: number.id, phones, at: Date.now() });
    children.push(child);
    await eventually(() => expect(child.output()).toContain('staged'), 20_000);
    await child.kill();

    const after = startTestCore({ dataDir });
    const sqlite = after.core.database.sqlite;
    try {
      expect(statsRecomputing(sqlite)).toBe(true);
      await eventually(() => expect(statsRecomputing(sqlite)).toBe(false));
      const token = (await after.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' })).token;
      const kept = await after.call('dashboard.summary', { preset: 'today' }, token);
      expect(kept.stats).toMatchObject({ incoming: 4, activeContacts: 3 });
      await after.call('dashboard.rebuild', {}, token);
      const rebuilt = await after.call('dashboard.summary', { preset: 'today' }, token);
      expect(kept.stats).toEqual(rebuilt.stats);
      expect(kept.charts).toEqual(rebuilt.charts);
    } finally {
      await after.close();
    }
  }, 90_000);
});

describe('each customer’s last day, folded in when the dashboard reads', () => {
  it('counts a customer active from a message written days ago that arrives after a read, as a rebuild does', async () => {
    const o = await office(); // 2026-11-25, 12:00 in Riyadh
    // Customer 1 writes today; customer 2 last wrote six days ago.
    o.customerWrites('966500000002', { timestamp: Date.UTC(2026, 10, 19, 9, 0), providerId: 'false_966500000002@c.us_OLD' });
    o.customerWrites('966500000001');
    const range = { preset: 'custom' as const, from: '2026-11-22', to: '2026-11-25' };
    expect((await o.t.call('dashboard.summary', range, o.admin.token)).stats).toMatchObject({ activeContacts: 1 });
    // Customer 1 writes again and ingest flushes on its own (no read): today's days wait to be folded…
    o.customerWrites('966500000001', { providerId: 'false_966500000001@c.us_AGAIN' });
    stagedCounts(o.sqlite).flush();
    // …then a catch-up brings customer 2's message from three days ago, before them.
    o.customerWrites('966500000002', { timestamp: Date.UTC(2026, 10, 22, 9, 0), providerId: 'false_966500000002@c.us_LATE' });
    stagedCounts(o.sqlite).flush();
    expect((await o.t.call('dashboard.summary', range, o.admin.token)).stats).toMatchObject({ activeContacts: 2 });

    const kept = o.kept();
    rebuildDashboardStats(o.sqlite, Date.now());
    expect(o.kept()).toEqual(kept);
  });
});
