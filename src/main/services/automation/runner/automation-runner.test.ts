import { afterEach, describe, expect, it } from 'vitest';
import { startOutboxCore, scriptedWhatsApp, settle, type OutboxCore } from '../../../outbox/outbox-harness';
import { customerWritesIn } from '../../../testing/two-numbers-office';
import { manualClock, tempDir, type ManualClock } from '../../../testing/test-core';
import { automationOffice } from './automation-office';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

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

async function office(clock: ManualClock = manualClock(), dataDir?: string) {
  t = startOutboxCore({ clock, ...(dataDir ? { dataDir } : {}) });
  const o = await automationOffice(t);
  return { ...o, t, clock, sqlite: t.core.database.sqlite, runner: t.core.services.automation.runner };
}

describe('a due automation job', () => {
  it('a welcome still waiting in its arming is written and sent once at its instant, under the rule’s key', async () => {
    const o = await office();
    const welcome = o.template('مرحباً {{customer_name}}');
    const ruleId = o.rule({ name: 'ترحيب', templateId: welcome });
    // Rules written straight into the table: the triggers' rule cache is told, as the rules service would.
    o.t.core.bus.publish('automation.rules.changed', { ruleId, whatsappNumberId: null, deleted: false }, { kind: 'all' });
    const episode = o.sqlite.prepare<[number], { id: number }>("select min(id) as id from messages where conversation_id = ? and sender = 'customer'").get(o.conversationId)!.id;
    const { automation } = o.t.core.services;
    o.sqlite.transaction(() => automation.triggers.armings.arm({ conversationId: o.conversationId, numberId: o.sales.id, contactId: o.contactId, family: 'new_inquiry', episode, anchorAt: o.clock.now() }))();
    automation.runner.wake();

    o.clock.advance(minute - 1);
    await drained(o.t);
    expect(o.automatedMessages()).toEqual([]);

    o.clock.advance(1);
    await drained(o.t);
    o.runner.wake();
    await drained(o.t);
    const [message, ...others] = o.automatedMessages();
    expect(others).toEqual([]);
    const job = o.sqlite.prepare<[string], { id: number; status: string; message_id: number }>('select * from automation_jobs where idempotency_key = ?').get(`${ruleId}:new_inquiry:c${o.conversationId}:m${episode}`);
    expect(message).toMatchObject({ content: 'مرحباً أبو خالد', client_id: `automation:${job!.id}` });
    expect(job).toMatchObject({ status: 'sent', message_id: message!.id });
  });

  it('reaches the outbox once, at its instant, as the rule’s message with the customer’s name', async () => {
    const o = await office();
    const welcome = o.template('مرحباً {{customer_name}}، وصلتنا رسالتك');
    const ruleId = o.rule({ name: 'ترحيب', templateId: welcome });
    const job = o.arm(ruleId, { inMs: minute });

    o.clock.advance(minute - 1);
    await drained(o.t);
    expect(o.automatedMessages()).toEqual([]);
    expect(o.job(job.id).status).toBe('pending');

    o.clock.advance(1);
    await drained(o.t);
    const [message, ...others] = o.automatedMessages();
    expect(others).toEqual([]);
    expect(message).toMatchObject({ content: 'مرحباً أبو خالد، وصلتنا رسالتك', sender: 'system', sender_name: 'ترحيب', client_id: `automation:${job.id}`, status: 'queued', template_id: welcome });
    expect(o.job(job.id)).toMatchObject({ status: 'sent', message_id: message!.id, finished_at: o.clock.now(), reason: null });
    const rule = o.sqlite.prepare('select triggered_count, last_triggered from automation_rules where id = ?').get(ruleId);
    expect(rule).toEqual({ triggered_count: 1, last_triggered: o.clock.now() });
    expect(o.sqlite.prepare('select usage_count from message_templates where id = ?').get(welcome)).toEqual({ usage_count: 1 });
    // The number's team sees the message and the job's change.
    const adminId = o.admin.user.id;
    const newMessage = o.t.events.find((e) => e.event === 'message.new' && (e.data as { message: { id: number } }).message.id === message!.id);
    expect(newMessage?.audience).toEqual({ kind: 'users', userIds: expect.arrayContaining([adminId]) });
    const jobEvent = o.t.events.find((e) => e.event === 'automation.jobs.changed' && (e.data as { jobId: number }).jobId === job.id);
    expect(jobEvent).toMatchObject({ data: { status: 'sent', ruleId, conversationId: o.conversationId }, audience: { kind: 'users', userIds: expect.arrayContaining([adminId]) } });
  });

  it('gives one message for overlapping ticks, doubled wakes and a repeated arming', async () => {
    const o = await office();
    const ruleId = o.rule({ templateId: o.template('أهلاً {{customer_name}}') });
    const job = o.arm(ruleId, { key: 'welcome-once', inMs: minute });
    expect(o.arm(ruleId, { key: 'welcome-once', inMs: 2 * minute })).toBeNull();
    o.clock.advance(minute);
    // node-cron's tick, the clock's wait and a late tick all land together.
    o.runner.wake();
    o.runner.wake();
    await drained(o.t);
    o.runner.wake();
    o.clock.advance(15_000);
    o.runner.wake();
    await drained(o.t);
    expect(o.automatedMessages()).toHaveLength(1);
    expect(o.job(job.id).status).toBe('sent');
    expect(o.sqlite.prepare('select triggered_count from automation_rules where id = ?').get(ruleId)).toEqual({ triggered_count: 1 });
  });

  it('fails a job that cannot be read on its own, and sends the others due with it once, counted once', async () => {
    const o = await office();
    const welcome = o.template('أهلاً {{customer_name}}');
    const ruleId = o.rule({ templateId: welcome });
    const first = o.arm(ruleId);
    const broken = o.arm(ruleId);
    const last = o.arm(ruleId);
    // What a trigger knew, damaged on disk: reading it throws inside the batch.
    o.sqlite.prepare("update automation_jobs set context = '{broken' where id = ?").run(broken.id);
    await drained(o.t);
    expect(o.job(broken.id)).toMatchObject({ status: 'failed', reason: 'send_failed', message_id: null });
    expect([o.job(first.id).status, o.job(last.id).status]).toEqual(['sent', 'sent']);
    expect(o.automatedMessages().map((m) => m.client_id)).toEqual([`automation:${first.id}`, `automation:${last.id}`]);
    expect(o.sqlite.prepare('select triggered_count from automation_rules where id = ?').get(ruleId)).toEqual({ triggered_count: 2 });
    expect(o.sqlite.prepare('select usage_count from message_templates where id = ?').get(welcome)).toEqual({ usage_count: 2 });
  });

  it('reads the rule and template again for each batch: one switched off after a send stops the next job', async () => {
    const o = await office();
    const welcome = o.template('أهلاً {{customer_name}}');
    const ruleId = o.rule({ templateId: welcome });
    const first = o.arm(ruleId);
    const later = o.arm(ruleId, { inMs: minute });
    await drained(o.t);
    expect(o.job(first.id).status).toBe('sent');
    o.sqlite.prepare('update message_templates set is_active = 0 where id = ?').run(welcome);
    o.clock.advance(minute);
    await drained(o.t);
    expect(o.job(later.id)).toMatchObject({ status: 'skipped', reason: 'template_inactive' });
    expect(o.automatedMessages()).toHaveLength(1);
  });

  it('wakes earlier when a job is armed before the one it was waiting for', async () => {
    const o = await office();
    const ruleId = o.rule({ templateId: o.template('أهلاً {{customer_name}}') });
    o.arm(ruleId, { inMs: day });
    const soon = o.arm(ruleId, { inMs: minute });
    expect(o.clock.nextWake()).toBeLessThanOrEqual(o.clock.now() + minute);
    o.clock.advance(minute);
    await drained(o.t);
    expect(o.job(soon.id).status).toBe('sent');
  });
});

describe('the guards before an automated message', () => {
  it('skips free text to a Cloud API customer who has not written for 24 hours, saying why, and sends it within the window', async () => {
    const o = await office();
    // Issue 19: the same number on the Cloud API (its transport does not matter to the runner).
    o.sqlite.prepare("update whatsapp_numbers set provider = 'cloud' where id = ?").run(o.sales.id);
    // The customer wrote now on the core's clock (the shared helper stamps the computer's time).
    o.sqlite.prepare("update messages set created_at = ? where conversation_id = ? and sender = 'customer'").run(o.clock.now(), o.conversationId);
    const ruleId = o.rule({ templateId: o.template('نتابع معك {{customer_name}}') });
    const inside = o.arm(ruleId, { inMs: 23 * hour });
    o.clock.advance(23 * hour);
    await drained(o.t);
    expect(o.job(inside.id).status).toBe('sent');
    const outside = o.arm(ruleId, { inMs: 2 * hour });
    o.clock.advance(2 * hour);
    await drained(o.t);
    expect(o.job(outside.id)).toMatchObject({ status: 'skipped', reason: 'window_closed' });
    expect(o.automatedMessages()).toHaveLength(1);
  });

  it('sends at most three automated messages to a contact in 24 hours', async () => {
    const o = await office();
    const ruleId = o.rule({ templateId: o.template('تذكير {{customer_name}}') });
    const jobs = [0, 1, 2, 3].map(() => o.arm(ruleId));
    await drained(o.t);
    expect(jobs.map((j) => o.job(j.id).status)).toEqual(['sent', 'sent', 'sent', 'skipped']);
    expect(o.job(jobs[3]!.id).reason).toBe('contact_cap');
    o.clock.advance(23 * hour);
    const stillCapped = o.arm(ruleId);
    await drained(o.t);
    expect(o.job(stillCapped.id).reason).toBe('contact_cap');
    o.clock.advance(hour + 1);
    const later = o.arm(ruleId);
    await drained(o.t);
    expect(o.job(later.id).status).toBe('sent');
    expect(o.automatedMessages()).toHaveLength(4);
  });

  it('sends nothing to a contact who opted out', async () => {
    const o = await office();
    o.sqlite.prepare('update contacts set automation_opted_out_at = ? where id = ?').run(o.clock.now(), o.contactId);
    const job = o.arm(o.rule({ templateId: o.template('أهلاً {{customer_name}}') }));
    await drained(o.t);
    expect(o.job(job.id)).toMatchObject({ status: 'skipped', reason: 'opted_out' });
    expect(o.automatedMessages()).toEqual([]);
  });

  it('never writes to a group or a broadcast list', async () => {
    const o = await office();
    const ruleId = o.rule({ templateId: o.template('أهلاً {{customer_name}}') });
    o.sqlite.prepare("update conversations set wa_chat_id = '120363000000000001@g.us' where id = ?").run(o.conversationId);
    const group = o.arm(ruleId);
    await drained(o.t);
    o.sqlite.prepare("update conversations set wa_chat_id = '1700000000@broadcast' where id = ?").run(o.conversationId);
    const broadcast = o.arm(ruleId);
    await drained(o.t);
    o.sqlite.prepare("update conversations set wa_chat_id = '120363000000000002@newsletter' where id = ?").run(o.conversationId);
    const channel = o.arm(ruleId);
    await drained(o.t);
    expect([o.job(group.id), o.job(broadcast.id), o.job(channel.id)].map((j) => [j.status, j.reason])).toEqual([
      ['skipped', 'not_individual'],
      ['skipped', 'not_individual'],
      ['skipped', 'not_individual'],
    ]);
    expect(o.automatedMessages()).toEqual([]);
    // A customer added by hand has no chat id yet: theirs is a 1:1 chat all the same.
    o.sqlite.prepare('update conversations set wa_chat_id = null where id = ?').run(o.conversationId);
    const byHand = o.arm(ruleId);
    await drained(o.t);
    expect(o.job(byHand.id).status).toBe('sent');
  });

  it('postpones an office-hours-only rule to the next opening instead of skipping it', async () => {
    // Wednesday 14:00 in Riyadh: the office is closed until 16:30.
    const o = await office(manualClock(Date.UTC(2026, 10, 25, 11, 0)));
    const ruleId = o.rule({ templateId: o.template('أهلاً {{customer_name}}'), officeHoursOnly: true });
    const anyHours = o.rule({ name: 'any time', templateId: o.template('Hello {{customer_name}}') });
    const job = o.arm(ruleId);
    const anytime = o.arm(anyHours);
    await drained(o.t);
    const opening = Date.UTC(2026, 10, 25, 13, 30);
    expect(o.job(job.id)).toMatchObject({ status: 'pending', due_at: opening });
    expect(o.job(anytime.id).status).toBe('sent');
    const postponed = o.t.events.find((e) => e.event === 'automation.jobs.changed' && (e.data as { jobId: number }).jobId === job.id);
    expect(postponed?.data).toMatchObject({ status: 'pending' });
    o.clock.advance(opening - o.clock.now() - 1);
    await drained(o.t);
    expect(o.job(job.id).status).toBe('pending');
    o.clock.advance(1);
    await drained(o.t);
    expect(o.job(job.id).status).toBe('sent');
    expect(o.automatedMessages().map((m) => m.content)).toEqual(['Hello أبو خالد', 'أهلاً أبو خالد']);
  });

  it('skips a job whose template needs a value it cannot find, never sending a literal placeholder', async () => {
    const o = await office();
    const property = Number(o.sqlite.prepare("insert into properties (name, type, created_at, updated_at) values ('أرض', 'land', 0, 0)").run().lastInsertRowid);
    const ruleId = o.rule({ trigger: 'property_match', templateId: o.template('عقار {{property_name}} في {{location}} بسعر {{price}}') });
    const job = o.arm(ruleId, { propertyId: property });
    await drained(o.t);
    expect(o.job(job.id)).toMatchObject({ status: 'skipped', reason: 'variable_missing', error: 'location, price' });
    const skippedEvent = o.t.events.find((e) => e.event === 'automation.jobs.changed' && (e.data as { jobId: number }).jobId === job.id);
    expect(skippedEvent?.data).toMatchObject({ status: 'skipped' });
    expect(o.automatedMessages()).toEqual([]);
  });

  it('skips a job whose template was switched off, and cancels one whose rule was', async () => {
    const o = await office();
    const template = o.template('أهلاً {{customer_name}}');
    const ruleId = o.rule({ templateId: template });
    const inactiveTemplate = o.arm(ruleId, { inMs: minute });
    o.sqlite.prepare('update message_templates set is_active = 0 where id = ?').run(template);
    o.clock.advance(minute);
    await drained(o.t);
    expect(o.job(inactiveTemplate.id)).toMatchObject({ status: 'skipped', reason: 'template_inactive' });

    o.sqlite.prepare('update message_templates set is_active = 1 where id = ?').run(template);
    const ruleOff = o.arm(ruleId, { inMs: minute });
    o.sqlite.prepare('update automation_rules set is_active = 0 where id = ?').run(ruleId);
    o.clock.advance(minute);
    await drained(o.t);
    expect(o.job(ruleOff.id)).toMatchObject({ status: 'cancelled', reason: 'rule_off' });
    expect(o.automatedMessages()).toEqual([]);
  });

  it('ends a job whose rule was deleted, whose number was removed or that names no conversation', async () => {
    const o = await office();
    const template = o.template('أهلاً {{customer_name}}');
    const deleted = o.rule({ templateId: template });
    const ruleGone = o.arm(deleted, { inMs: minute });
    o.sqlite.prepare('delete from automation_rules where id = ?').run(deleted);
    const ruleId = o.rule({ templateId: template });
    const noConversation = o.arm(ruleId, { inMs: minute, conversationId: null });
    o.clock.advance(minute);
    await drained(o.t);
    expect([o.job(ruleGone.id), o.job(noConversation.id)].map((j) => [j.status, j.reason])).toEqual([
      ['cancelled', 'rule_deleted'],
      ['skipped', 'conversation_gone'],
    ]);
    const numberRemoved = o.arm(ruleId, { inMs: minute });
    o.sqlite.prepare('update whatsapp_numbers set removed_at = ? where id = ?').run(o.clock.now(), o.sales.id);
    o.clock.advance(minute);
    await drained(o.t);
    expect(o.job(numberRemoved.id)).toMatchObject({ status: 'cancelled', reason: 'number_removed' });
    expect(o.automatedMessages()).toEqual([]);
  });

  it('sends a welcome up to two hours late, and not a moment later', async () => {
    const o = await office();
    const ruleId = o.rule({ templateId: o.template('أهلاً {{customer_name}}') });
    const onTheLimit = o.arm(ruleId, { inMs: minute });
    const pastTheLimit = o.arm(ruleId, { inMs: minute - 1 });
    // The machine slept: the clock jumps to exactly two hours after the first was due.
    o.clock.advance(minute + 2 * hour);
    await drained(o.t);
    expect(o.job(onTheLimit.id).status).toBe('sent');
    expect(o.job(pastTheLimit.id)).toMatchObject({ status: 'expired', reason: 'too_late' });
  });

  it('lets a reminder go until its viewing starts, and no later', async () => {
    const o = await office();
    const property = Number(o.sqlite.prepare("insert into properties (name, type, created_at, updated_at) values ('فيلا', 'villa', 0, 0)").run().lastInsertRowid);
    const startAt = o.clock.now() + hour;
    const viewingId = Number(
      o.sqlite
        .prepare(`insert into viewings (contact_id, conversation_id, whatsapp_number_id, property_id, agent_id, start_at, end_at, duration_minutes, status, created_at, updated_at)
                  values (?, ?, ?, ?, ?, ?, ?, 60, 'confirmed', 0, 0)`)
        .run(o.contactId, o.conversationId, o.sales.id, property, o.admin.user.id, startAt, startAt + hour).lastInsertRowid,
    );
    const ruleId = o.rule({ trigger: 'appointment_reminder', delayMinutes: -60, templateId: o.template('موعدك {{appointment_time}}') });
    // Booked inside the window: due "now", even though start − 1 day has long passed.
    const atOnce = o.arm(ruleId, { viewingId, dueAt: startAt - day });
    await drained(o.t);
    expect(o.job(atOnce.id).status).toBe('sent');
    // The app was busy past the start: too late for a reminder.
    const tooLate = o.arm(ruleId, { viewingId, inMs: hour });
    o.runner.deps.store.changed = () => {};
    o.clock.advance(hour);
    o.runner.wake();
    await drained(o.t);
    expect(o.job(tooLate.id)).toMatchObject({ status: 'expired', reason: 'viewing_started' });
    // A follow-up after the viewing names it too, and is not held back by its start.
    const followUp = o.rule({ trigger: 'follow_up', templateId: o.template('شكراً لزيارتك {{property_name}}') });
    const after = o.arm(followUp, { viewingId });
    o.runner.wake();
    await drained(o.t);
    expect(o.job(after.id).status).toBe('sent');
  });

  it('cancels a reminder whose viewing was cancelled', async () => {
    const o = await office();
    const property = Number(o.sqlite.prepare("insert into properties (name, type, created_at, updated_at) values ('فيلا', 'villa', 0, 0)").run().lastInsertRowid);
    const startAt = o.clock.now() + day;
    const viewingId = Number(
      o.sqlite
        .prepare(`insert into viewings (contact_id, conversation_id, whatsapp_number_id, property_id, agent_id, start_at, end_at, duration_minutes, status, created_at, updated_at)
                  values (?, ?, ?, ?, ?, ?, ?, 60, 'cancelled', 0, 0)`)
        .run(o.contactId, o.conversationId, o.sales.id, property, o.admin.user.id, startAt, startAt + hour).lastInsertRowid,
    );
    const ruleId = o.rule({ trigger: 'appointment_reminder', delayMinutes: -60, templateId: o.template('موعدك {{appointment_time}}') });
    const job = o.arm(ruleId, { viewingId });
    await drained(o.t);
    expect(o.job(job.id)).toMatchObject({ status: 'cancelled', reason: 'viewing_cancelled' });
  });
});

describe('after the outbox takes an automated message', () => {
  it('counts the rule’s success once the message is sent, once however many acks follow', async () => {
    const o = await office();
    const wa = scriptedWhatsApp(o.clock);
    o.t.core.whatsapp.outbox.open(o.sales.id, wa.send);
    const ruleId = o.rule({ templateId: o.template('أهلاً {{customer_name}}') });
    const job = o.arm(ruleId);
    await drained(o.t);
    expect(wa.reached.map((r) => r.text)).toEqual(['أهلاً أبو خالد']);
    const successOf = () => o.sqlite.prepare<[number], { success_count: number }>('select success_count from automation_rules where id = ?').get(ruleId)!.success_count;
    expect(successOf()).toBe(1);
    const providerId = o.sqlite.prepare<[number], { whatsapp_message_id: string }>('select whatsapp_message_id from messages where id = ?').get(o.job(job.id).message_id!)!.whatsapp_message_id;
    o.t.core.whatsapp.pipeline.ack(o.sales.id, { providerId, status: 'delivered' });
    o.t.core.whatsapp.pipeline.ack(o.sales.id, { providerId, status: 'read' });
    expect(successOf()).toBe(1);
    expect(o.job(job.id).status).toBe('sent');
  });

  it('marks the job failed with the outbox’s error when WhatsApp refuses the message for good', async () => {
    const o = await office();
    const wa = scriptedWhatsApp(o.clock);
    wa.failWith('أهلاً أبو خالد', new Error('Evaluation failed: invalid wid'));
    o.t.core.whatsapp.outbox.open(o.sales.id, wa.send);
    const ruleId = o.rule({ templateId: o.template('أهلاً {{customer_name}}') });
    const job = o.arm(ruleId);
    await drained(o.t);
    for (let i = 0; i < 8 && o.job(job.id).status === 'sent'; i++) {
      o.clock.advance(o.clock.nextWake()! - o.clock.now());
      await drained(o.t);
    }
    const failed = o.job(job.id);
    expect(failed).toMatchObject({ status: 'failed', reason: 'send_failed' });
    expect(failed.error).toBeTruthy();
    expect(o.sqlite.prepare('select success_count from automation_rules where id = ?').get(ruleId)).toEqual({ success_count: 0 });
  });

  it('counts every automated send in the number’s daily quota', async () => {
    const o = await office();
    const wa = scriptedWhatsApp(o.clock);
    o.t.core.whatsapp.outbox.open(o.sales.id, wa.send);
    const quota = () => o.sqlite.prepare<[number], { quota_used: number }>('select quota_used from whatsapp_numbers where id = ?').get(o.sales.id)!.quota_used;
    const before = quota();
    const ruleId = o.rule({ templateId: o.template('أهلاً {{customer_name}}') });
    o.arm(ruleId);
    const second = customerWritesIn(o.t, o.sales.id, '966501110002', 'مرحبا', 'سارة');
    const secondContact = o.sqlite.prepare<[number], { contact_id: number }>('select contact_id from conversations where id = ?').get(second)!.contact_id;
    o.arm(ruleId, { conversationId: second, contactId: secondContact });
    await drained(o.t);
    expect(wa.reached).toHaveLength(2);
    expect(quota()).toBe(before + 2);
    // With the day's limit reached, the next automated message waits like any other.
    o.sqlite.prepare('update whatsapp_numbers set quota_limit = ? where id = ?').run(before + 2, o.sales.id);
    const third = o.arm(ruleId, { conversationId: second, contactId: secondContact });
    await drained(o.t);
    expect(o.job(third.id).status).toBe('sent');
    expect(wa.reached).toHaveLength(2);
    expect(o.automatedMessages().at(-1)!.status).toBe('queued');
  });
});

describe('a core that was closed for three days', () => {
  it('sends what is still within its lateness limit once and expires the rest', async () => {
    const dataDir = tempDir();
    const closedAt = Date.UTC(2026, 10, 25, 9, 0);
    const first = await office(manualClock(closedAt), dataDir);
    const customers = [1, 2, 3, 4].map((i) => {
      const conversationId = customerWritesIn(first.t, first.sales.id, `96650222000${i}`, 'مرحبا', `عميل ${i}`);
      return { conversationId, contactId: first.sqlite.prepare<[number], { contact_id: number }>('select contact_id from conversations where id = ?').get(conversationId)!.contact_id };
    });
    const welcome = first.rule({ trigger: 'new_inquiry', templateId: first.template('أهلاً {{customer_name}}') });
    const followUp = first.rule({ trigger: 'follow_up', templateId: first.template('متابعة {{customer_name}}') });
    const reopenAt = closedAt + 3 * day;
    // Due an hour after closing: 71 h late, past the welcome's 2 h.
    const staleWelcome = first.arm(welcome, { ...customers[0]!, inMs: hour });
    // Due 30 h before reopening: past the 24 h limit.
    const staleFollowUp = first.arm(followUp, { ...customers[1]!, dueAt: reopenAt - 30 * hour });
    // Due 12 h before reopening: still within 24 h.
    const lateFollowUp = first.arm(followUp, { ...customers[2]!, dueAt: reopenAt - 12 * hour });
    // Due after reopening: waits for its instant.
    const future = first.arm(followUp, { ...customers[3]!, dueAt: reopenAt + hour });
    await first.t.close();
    t = undefined;

    const second = await reopen(dataDir, reopenAt);
    await drained(second);
    const jobOf = (id: number) => second.core.services.automation.store.get(id)!;
    expect([staleWelcome, staleFollowUp, lateFollowUp, future].map((j) => [jobOf(j.id).status, jobOf(j.id).reason])).toEqual([
      ['expired', 'too_late'],
      ['expired', 'too_late'],
      ['sent', null],
      ['pending', null],
    ]);
    const sentTo = () => second.core.database.sqlite.prepare("select conversation_id from messages where client_id like 'automation:%'").all();
    expect(sentTo()).toEqual([{ conversation_id: customers[2]!.conversationId }]);
    await second.close();

    // Another restart sends nothing again; the future job goes at its instant.
    const third = await reopen(dataDir, reopenAt + hour);
    await drained(third);
    expect(third.core.database.sqlite.prepare("select conversation_id from messages where client_id like 'automation:%' order by id").all()).toEqual([
      { conversation_id: customers[2]!.conversationId },
      { conversation_id: customers[3]!.conversationId },
    ]);
  });
});

async function reopen(dataDir: string, at: number): Promise<OutboxCore> {
  t = startOutboxCore({ clock: manualClock(at), dataDir });
  return t;
}
