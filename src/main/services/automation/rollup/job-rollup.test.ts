import { afterEach, describe, expect, it } from 'vitest';
import { startOutboxCore, scriptedWhatsApp, settle, type OutboxCore } from '../../../outbox/outbox-harness';
import { customerWritesIn } from '../../../testing/two-numbers-office';
import { manualClock } from '../../../testing/test-core';
import { automationOffice } from '../runner/automation-office';
import { JobRollup } from './job-rollup';

const minute = 60_000;
const hour = 60 * minute;

let t: OutboxCore | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

/** Lets the runner claim whatever the clock has made due, and the outbox take it. */
async function drained(core: OutboxCore): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await settle();
    await core.core.services.automation.runner.settled();
  }
  await settle();
}

/** 23:30 on Wednesday 25 November 2026 in Riyadh (20:30 UTC; 15:30 in New York). */
const beforeRiyadhMidnight = Date.parse('2026-11-25T20:30:00Z');

async function office() {
  const clock = manualClock(beforeRiyadhMidnight);
  t = startOutboxCore({ clock });
  const o = await automationOffice(t);
  const sqlite = t.core.database.sqlite;
  const contactOf = (conversationId: number) => sqlite.prepare<[number], { contact_id: number }>('select contact_id from conversations where id = ?').get(conversationId)!.contact_id;
  const customer = (phone: string, name: string) => {
    const conversationId = customerWritesIn(t!, o.sales.id, phone, 'مرحبا', name);
    return { conversationId, contactId: contactOf(conversationId) };
  };
  const stats = async () => t!.call('automation.stats', { period: '30d' }, o.admin.token);
  const advanceTo = (at: number) => clock.advance(at - clock.now());
  return { ...o, t, clock, sqlite, customer, stats, advanceTo, rollup: new JobRollup(sqlite) };
}

describe('the automation stats’ day totals', () => {
  it('kept as jobs end, re-end and go, equal a count made afresh from the jobs', async () => {
    const o = await office();
    const wa = scriptedWhatsApp(o.clock);
    wa.failWith('أهلاً سارة', new Error('Evaluation failed: invalid wid'));
    o.t.core.whatsapp.outbox.open(o.sales.id, wa.send);
    const welcome = o.rule({ name: 'ترحيب', templateId: o.template('أهلاً {{customer_name}}') });
    const reminder = o.rule({ name: 'تذكير', trigger: 'follow_up', templateId: o.template('موعدك {{appointment_date}}') });
    const sara = o.customer('966501110002', 'سارة');
    const omar = o.customer('966501110003', 'عمر');

    // Wednesday in Riyadh: one sent, one the outbox gives up on, one skipped for a value it cannot fill.
    o.arm(welcome);
    const failing = o.arm(welcome, sara);
    o.arm(reminder);
    // Thursday in Riyadh (still Wednesday in the process's zone under New York): one cancelled by an agent, one sent.
    const later = o.arm(welcome, { ...omar, inMs: 2 * hour });
    const cancelled = o.arm(reminder, { ...omar, inMs: 3 * hour });
    await drained(o.t);
    for (let i = 0; i < 8 && o.job(failing.id).status === 'sent'; i++) {
      o.clock.advance(o.clock.nextWake()! - o.clock.now());
      await drained(o.t);
    }
    expect(o.job(failing.id).status).toBe('failed');
    o.advanceTo(beforeRiyadhMidnight + hour);
    await o.t.call('automation.cancelJob', { id: cancelled.id }, o.admin.token);
    o.advanceTo(beforeRiyadhMidnight + 2 * hour);
    await drained(o.t);
    expect(o.job(later.id).status).toBe('sent');

    const kept = o.rollup.kept();
    expect(kept).toEqual(o.rollup.fromJobs('Asia/Riyadh'));
    const total = (day: string, column: 'sent' | 'failed' | 'skipped' | 'cancelled') => kept.filter((r) => r.day === day).reduce((n, r) => n + r[column], 0);
    expect([total('2026-11-25', 'sent'), total('2026-11-25', 'failed'), total('2026-11-25', 'skipped')]).toEqual([1, 1, 1]);
    expect([total('2026-11-26', 'sent'), total('2026-11-26', 'cancelled')]).toEqual([1, 1]);

    // A deleted rule's jobs stay counted, under no rule; a deleted conversation's go with it.
    o.sqlite.prepare('delete from automation_rules where id = ?').run(reminder);
    o.sqlite.prepare('delete from conversations where id = ?').run(omar.conversationId);
    const after = o.rollup.kept();
    expect(after).toEqual(o.rollup.fromJobs('Asia/Riyadh'));
    expect(after.filter((r) => r.ruleId === 0).map((r) => [r.day, r.skipped])).toEqual([['2026-11-25', 1]]);
    expect(after.filter((r) => r.day === '2026-11-26')).toEqual([]);
  });

  it('cut at the office’s midnight, and counted again in the new zone when the office moves', async () => {
    const o = await office();
    o.t.core.whatsapp.outbox.open(o.sales.id, scriptedWhatsApp(o.clock).send);
    const welcome = o.rule({ name: 'ترحيب', templateId: o.template('أهلاً {{customer_name}}') });
    o.arm(welcome);
    // 00:30 in Riyadh on the 26th, 16:30 on the 25th in New York.
    o.arm(welcome, { ...o.customer('966501110002', 'سارة'), inMs: hour });
    await drained(o.t);
    o.advanceTo(beforeRiyadhMidnight + hour);
    await drained(o.t);

    const daysSent = async () => (await o.stats()).dailyStats.filter((d) => d.sent > 0).map((d) => [d.date, d.sent]);
    expect(await daysSent()).toEqual([
      ['2026-11-25', 1],
      ['2026-11-26', 1],
    ]);

    o.sqlite.prepare("insert into settings (key, value, updated_at) values ('office.timeZone', ?, 0) on conflict (key) do update set value = excluded.value").run(JSON.stringify('America/New_York'));
    expect(await daysSent()).toEqual([['2026-11-25', 2]]);
    expect(o.rollup.kept()).toEqual(o.rollup.fromJobs('America/New_York'));
  });
});
