import { afterEach, describe, expect, it } from 'vitest';
import { offsetClock } from '../../../base/offset-clock';
import { manualClock, startTestCore } from '../../../testing/test-core';
import { createDemoClientFactory } from '../../../whatsapp/demo/demo-client-factory';
import { automationOffice } from '../runner/automation-office';

const minute = 60_000;
let t: ReturnType<typeof startTestCore> | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

async function office() {
  const clock = manualClock();
  t = startTestCore({ clock });
  const o = await automationOffice(t);
  const settled = async () => {
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      await t!.core.services.automation.runner.settled();
    }
  };
  return { ...o, t, clock, sqlite: t.core.database.sqlite, settled, ruleId: o.rule({ trigger: 'follow_up', templateId: o.template('نتابع معك {{customer_name}}') }) };
}

describe('a rule’s jobs', () => {
  it('lists upcoming jobs soonest first and past ones newest first, a page at a time', async () => {
    const o = await office();
    const later = o.arm(o.ruleId, { inMs: 30 * minute });
    const soon = o.arm(o.ruleId, { inMs: 10 * minute });
    const middle = o.arm(o.ruleId, { inMs: 20 * minute });
    const first = await o.t.call('automation.ruleJobs', { ruleId: o.ruleId, limit: 2 }, o.admin.token);
    expect(first.jobs.map((j) => j.id)).toEqual([soon.id, middle.id]);
    expect(first.jobs[0]).toMatchObject({ status: 'pending', contactName: 'أبو خالد', ruleName: 'ترحيب تلقائي', dueAt: new Date(o.clock.now() + 10 * minute).toISOString() });
    const second = await o.t.call('automation.ruleJobs', { ruleId: o.ruleId, limit: 2, before: first.nextBefore! }, o.admin.token);
    expect(second).toEqual({ jobs: [expect.objectContaining({ id: later.id })], nextBefore: null });

    o.clock.advance(10 * minute);
    await o.settled();
    o.clock.advance(10 * minute);
    await o.settled();
    const past = await o.t.call('automation.ruleJobs', { ruleId: o.ruleId, view: 'past' }, o.admin.token);
    expect(past.jobs.map((j) => [j.id, j.status])).toEqual([
      [middle.id, 'sent'],
      [soon.id, 'sent'],
    ]);
    expect((await o.t.call('automation.ruleJobs', { ruleId: o.ruleId, view: 'past', status: 'skipped' }, o.admin.token)).jobs).toEqual([]);
  });
});

describe('a conversation’s scheduled automations', () => {
  it('lists what is pending and what ended lately, and a cancelled one never sends', async () => {
    const o = await office();
    const sent = o.arm(o.ruleId, { inMs: minute });
    const pending = o.arm(o.ruleId, { inMs: 60 * minute });
    o.clock.advance(minute);
    await o.settled();
    const listed = await o.t.call('automation.conversationJobs', { conversationId: o.conversationId }, o.admin.token);
    expect(listed.map((j) => [j.id, j.status])).toEqual([
      [pending.id, 'pending'],
      [sent.id, 'sent'],
    ]);

    const cancelled = await o.t.call('automation.cancelJob', { id: pending.id }, o.admin.token);
    expect(cancelled).toMatchObject({ id: pending.id, status: 'cancelled', reason: 'cancelled_by_user' });
    expect(o.t.events.some((e) => e.event === 'automation.jobs.changed' && (e.data as { jobId: number; status: string }).jobId === pending.id && (e.data as { status: string }).status === 'cancelled')).toBe(true);
    const log = await o.t.call('activity.list', { limit: 5 }, o.admin.token);
    expect(log[0]).toMatchObject({ action: 'automation.job_cancelled', entityType: 'conversation', entityId: o.conversationId });
    o.clock.advance(60 * minute);
    await o.settled();
    expect(o.automatedMessages()).toHaveLength(1);
  });

  it('refuses cancelling one that already ended, changing nothing', async () => {
    const o = await office();
    const sent = o.arm(o.ruleId);
    await o.settled();
    const before = o.job(sent.id);
    expect(before.status).toBe('sent');
    const refused = await o.t.failure('automation.cancelJob', { id: sent.id }, o.admin.token);
    expect(refused).toMatchObject({ code: 'CONFLICT', details: 'job_ended' });
    expect(o.job(sent.id)).toEqual(before);
    expect((await o.t.failure('automation.cancelJob', { id: 9999 }, o.admin.token)).code).toBe('NOT_FOUND');
  });
});

describe('a contact who opted out', () => {
  it('gets no automation until an agent turns it back on, which is logged', async () => {
    const o = await office();
    o.sqlite.prepare('update contacts set automation_opted_out_at = ? where id = ?').run(o.clock.now(), o.contactId);
    expect(await o.t.call('automation.contactState', { contactId: o.contactId }, o.admin.token)).toEqual({
      contactId: o.contactId,
      optedOut: true,
      optedOutAt: new Date(o.clock.now()).toISOString(),
      sentLast24h: 0,
    });
    const skipped = o.arm(o.ruleId);
    await o.settled();
    expect(o.job(skipped.id).reason).toBe('opted_out');

    const resumed = await o.t.call('automation.resumeContact', { contactId: o.contactId }, o.admin.token);
    expect(resumed).toMatchObject({ optedOut: false, optedOutAt: null });
    expect((await o.t.call('activity.list', { limit: 5 }, o.admin.token))[0]).toMatchObject({ action: 'automation.contact_resumed', entityType: 'contact', entityId: o.contactId });
    const sent = o.arm(o.ruleId);
    await o.settled();
    expect(o.job(sent.id).status).toBe('sent');
    expect((await o.t.call('automation.contactState', { contactId: o.contactId }, o.admin.token)).sentLast24h).toBe(1);
  });
});

describe('demo mode’s clock', () => {
  it('moves forward for an admin, and what was due by then runs', async () => {
    const clock = offsetClock();
    const factory = createDemoClientFactory({ customers: false });
    t = startTestCore({ clock, whatsapp: { factory, demo: factory } });
    const o = await automationOffice(t);
    const ruleId = o.rule({ trigger: 'follow_up', templateId: o.template('نتابع معك {{customer_name}}') });
    const job = o.arm(ruleId, { inMs: 24 * 60 * minute });
    const agent = await t.createUser(o.admin.token, 'agent', 'demo-agent@office.test');
    expect((await t.failure('demo.advanceClock', { minutes: 1440 }, agent.token)).code).toBe('FORBIDDEN');
    expect(o.job(job.id).status).toBe('pending');

    const moved = await t.call('demo.advanceClock', { minutes: 1440 }, o.admin.token);
    expect(moved.offsetMinutes).toBe(1440);
    await t.core.services.automation.runner.settled();
    await new Promise((resolve) => setImmediate(resolve));
    await t.core.services.automation.runner.settled();
    expect(o.job(job.id).status).toBe('sent');
  });

  it('cannot be moved outside demo mode', async () => {
    t = startTestCore({ clock: offsetClock() });
    const admin = await t.setupAdmin();
    const before = t.core.clock.now();
    expect(await t.failure('demo.advanceClock', { minutes: 60 }, admin.token)).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: 'demo_only' });
    expect(t.core.clock.now() - before).toBeLessThan(60 * minute);
  });
});
