import { afterEach, describe, expect, it } from 'vitest';
import { automationOffice, type AutomationOffice } from '../../../testing/automation-office';
import { JobStore, type JobRow } from '../job-store';
import { ActiveRules } from '../triggers/active-rules';
import { ArmingStore, type ArmingRow } from './arming-store';

let office: AutomationOffice;
afterEach(async () => {
  await office?.t.close();
});

/** The store on the office's database, beside (not inside) the core's triggers and runner. */
function storesOf(o: AutomationOffice) {
  const rules = new ActiveRules(o.sqlite);
  const jobs = new JobStore(o.sqlite, o.clock);
  const armings = new ArmingStore(o.sqlite, o.clock, rules);
  const rows = () => o.sqlite.prepare<[], ArmingRow>('select * from automation_armings order by id').all();
  const jobRows = () => o.sqlite.prepare<[], JobRow>('select * from automation_jobs order by due_at, id').all();
  return { rules, jobs, armings, rows, jobRows };
}

describe('an arming: one row per episode, its per-rule jobs written when they fall due', () => {
  it('a welcome episode covered by three rules is one row due at the soonest rule; the same episode again arms nothing new', async () => {
    office = await automationOffice();
    const { addRule, customerWritesUnheard, clock, minutes, number } = office;
    addRule({ trigger: 'new_inquiry', delayMinutes: 5 });
    addRule({ trigger: 'new_inquiry', delayMinutes: 1 });
    addRule({ trigger: 'new_inquiry', delayMinutes: 30, whatsappNumberId: number.id });
    const { conversationId, messageId } = customerWritesUnheard('966500000001', 'السلام عليكم');
    const { armings, rows, jobRows } = storesOf(office);
    const contactId = office.sqlite.prepare<[number], { contact_id: number }>('select contact_id from conversations where id = ?').get(conversationId)!.contact_id;
    const input = { conversationId, numberId: number.id, contactId, family: 'new_inquiry' as const, episode: messageId, anchorAt: clock.now() };

    expect(armings.arm(input)).toBe(clock.now() + minutes(1));
    expect(armings.arm(input)).toBeNull();
    expect(rows()).toHaveLength(1);
    expect(jobRows()).toEqual([]);
    expect(armings.firstDue()).toBe(clock.now() + minutes(1));
  });

  it('falling due writes only the jobs whose instant passed, under the per-rule keys, and moves the arming on; a finished arming rests', async () => {
    office = await automationOffice();
    const { addRule, customerWritesUnheard, clock, minutes, number } = office;
    const soon = addRule({ trigger: 'no_response_24h', delayMinutes: 1440 });
    const later = addRule({ trigger: 'no_response_48h', delayMinutes: 2880 });
    const { conversationId, messageId } = customerWritesUnheard('966500000002', 'مرحبا');
    const { armings, jobs, rows, jobRows } = storesOf(office);
    const contactId = office.sqlite.prepare<[number], { contact_id: number }>('select contact_id from conversations where id = ?').get(conversationId)!.contact_id;
    const anchorAt = clock.now();
    armings.arm({ conversationId, numberId: number.id, contactId, family: 'no_response', episode: messageId, anchorAt });

    const now = anchorAt + minutes(1440);
    expect(armings.materialiseDue(jobs, now, 100)).toBe(false);
    expect(jobRows()).toEqual([
      expect.objectContaining({ rule_id: soon.id, status: 'pending', due_at: now, idempotency_key: `${soon.id}:no_response_24h:c${conversationId}:m${messageId}` }),
    ]);
    expect(rows()[0]!.next_due_at).toBe(anchorAt + minutes(2880));
    // Not due yet: nothing read.
    expect(armings.materialiseDue(jobs, now + 1, 100)).toBe(false);

    const end = anchorAt + minutes(2880);
    armings.materialiseDue(jobs, end, 100);
    expect(jobRows().map((j) => j.rule_id)).toEqual([soon.id, later.id]);
    expect(rows()[0]!.next_due_at).toBeNull();
    expect(armings.firstDue()).toBeNull();
  });

  it('a batch stops writing due armings once past its time budget and says more are due; the next batch goes on', async () => {
    office = await automationOffice();
    const { addRule, customerWritesUnheard, clock, minutes, number } = office;
    addRule({ trigger: 'new_inquiry', delayMinutes: 1 });
    const { armings, jobs, jobRows } = storesOf(office);
    for (const phone of ['966500000051', '966500000052', '966500000053']) {
      const { conversationId, messageId } = customerWritesUnheard(phone, 'مرحبا');
      const contactId = office.sqlite.prepare<[number], { contact_id: number }>('select contact_id from conversations where id = ?').get(conversationId)!.contact_id;
      armings.arm({ conversationId, numberId: number.id, contactId, family: 'new_inquiry', episode: messageId, anchorAt: clock.now() });
    }
    const now = clock.now() + minutes(1);
    // A budget of 0 ms: one arming per batch.
    expect(armings.materialiseDue(jobs, now, 100, 0)).toBe(true);
    expect(jobRows()).toHaveLength(1);
    expect(armings.materialiseDue(jobs, now, 100, 0)).toBe(true);
    expect(armings.materialiseDue(jobs, now, 100, 0)).toBe(false);
    expect(jobRows()).toHaveLength(3);
    expect(armings.firstDue()).toBeNull();
  });

  it("a job a person already cancelled is not written again when its arming falls due; a switched-off rule's job is never written", async () => {
    office = await automationOffice();
    const { addRule, changeRule, customerWritesUnheard, clock, minutes, number } = office;
    const welcome = addRule({ trigger: 'new_inquiry', delayMinutes: 10 });
    const other = addRule({ trigger: 'new_inquiry', delayMinutes: 20 });
    const { conversationId, messageId } = customerWritesUnheard('966500000003', 'السلام عليكم');
    const { armings, jobs, rules, jobRows } = storesOf(office);
    const contactId = office.sqlite.prepare<[number], { contact_id: number }>('select contact_id from conversations where id = ?').get(conversationId)!.contact_id;
    armings.arm({ conversationId, numberId: number.id, contactId, family: 'new_inquiry', episode: messageId, anchorAt: clock.now() });

    // The side panel shows the virtual jobs as rows; the person cancels the welcome.
    armings.materialiseAll(jobs, conversationId);
    expect(jobRows().map((j) => [j.rule_id, j.status])).toEqual([
      [welcome.id, 'pending'],
      [other.id, 'pending'],
    ]);
    jobs.end({ ruleId: welcome.id, conversationId }, 'cancelled', 'cancelled_by_user');
    changeRule(other, { isActive: false });
    rules.invalidate();

    armings.materialiseDue(jobs, clock.now() + minutes(30), 100);
    expect(jobRows().map((j) => [j.rule_id, j.status, j.reason])).toEqual([
      [welcome.id, 'cancelled', 'cancelled_by_user'],
      [other.id, 'cancelled', 'rule_off'],
    ]);
  });

  it('an ended episode stays ended: the same episode arms nothing, and its job is written only as cancelled, with the reason', async () => {
    office = await automationOffice();
    const { addRule, customerWritesUnheard, clock, minutes, number } = office;
    addRule({ trigger: 'new_inquiry', delayMinutes: 10 });
    const { conversationId, messageId } = customerWritesUnheard('966500000004', 'السلام عليكم');
    const { armings, jobs, jobRows } = storesOf(office);
    const contactId = office.sqlite.prepare<[number], { contact_id: number }>('select contact_id from conversations where id = ?').get(conversationId)!.contact_id;
    const input = { conversationId, numberId: number.id, contactId, family: 'new_inquiry' as const, episode: messageId, anchorAt: clock.now() };
    armings.arm(input);

    expect(armings.end(conversationId, 'new_inquiry', 'answered')).toBe(true);
    expect(armings.arm({ ...input, anchorAt: input.anchorAt + 1 })).toBeNull();
    expect(armings.open(conversationId, 'new_inquiry')).toBeUndefined();
    armings.materialiseDue(jobs, clock.now() + minutes(60), 100);
    expect(jobRows()).toEqual([expect.objectContaining({ status: 'cancelled', reason: 'answered', finished_at: input.anchorAt })]);
  });

  it('a shorter delay brings an unfinished arming forward; an arming with nothing left to write stays at rest', async () => {
    office = await automationOffice();
    const { addRule, customerWritesUnheard, clock, minutes, number } = office;
    addRule({ trigger: 'no_response_24h', delayMinutes: 1440 });
    const a = customerWritesUnheard('966500000005', 'مرحبا');
    const b = customerWritesUnheard('966500000006', 'مرحبا');
    const { armings, jobs, rows } = storesOf(office);
    const contactOf = (id: number) => office.sqlite.prepare<[number], { contact_id: number }>('select contact_id from conversations where id = ?').get(id)!.contact_id;
    const anchorAt = clock.now();
    armings.arm({ conversationId: a.conversationId, numberId: number.id, contactId: contactOf(a.conversationId), family: 'no_response', episode: a.messageId, anchorAt });
    armings.arm({ conversationId: b.conversationId, numberId: number.id, contactId: contactOf(b.conversationId), family: 'no_response', episode: b.messageId, anchorAt });
    armings.materialiseDue(jobs, anchorAt + minutes(1440), 1);

    expect(armings.lowerNextDue('no_response', null, 60)).toBe(1);
    expect(rows().map((r) => r.next_due_at)).toEqual([null, anchorAt + minutes(60)]);
  });

  it("a rule switched off or deleted ends its jobs still waiting in armings, so on again it arms new episodes only; a shorter delay brings them forward", async () => {
    office = await automationOffice();
    const { addRule, changeRule, deleteRule, customerWritesUnheard, clock, minutes, number, automation, jobs } = office;
    const welcome = addRule({ trigger: 'new_inquiry', delayMinutes: 60 });
    const other = addRule({ trigger: 'new_inquiry', delayMinutes: 90 });
    const { conversationId, messageId } = customerWritesUnheard('966500000007', 'السلام عليكم');
    const contactId = office.sqlite.prepare<[number], { contact_id: number }>('select contact_id from conversations where id = ?').get(conversationId)!.contact_id;
    const { armings } = automation().triggers;
    const anchorAt = clock.now();
    armings.arm({ conversationId, numberId: number.id, contactId, family: 'new_inquiry', episode: messageId, anchorAt });

    const shorter = changeRule(other, { delayMinutes: 5 });
    expect(armings.firstDue()).toBe(anchorAt + minutes(5));
    const off = changeRule(welcome, { isActive: false });
    changeRule(off, { isActive: true });
    deleteRule(shorter);
    expect(jobs().map((j) => [j.rule_id, j.status, j.reason, j.idempotency_key])).toEqual([
      [welcome.id, 'cancelled', 'rule_off', `${welcome.id}:new_inquiry:c${conversationId}:m${messageId}`],
      [null, 'cancelled', 'rule_deleted', `${other.id}:new_inquiry:c${conversationId}:m${messageId}`],
    ]);
  });

  it('a silence is timed by every no-response tier; a tier given a shorter delay brings it forward; no covering rule arms nothing', async () => {
    office = await automationOffice();
    const { addRule, changeRule, customerWritesUnheard, clock, minutes, number, automation } = office;
    const { conversationId, messageId } = customerWritesUnheard('966500000008', 'مرحبا');
    const contactId = office.sqlite.prepare<[number], { contact_id: number }>('select contact_id from conversations where id = ?').get(conversationId)!.contact_id;
    const { armings } = automation().triggers;
    const anchorAt = clock.now();
    const input = { conversationId, numberId: number.id, contactId, family: 'no_response' as const, episode: messageId, anchorAt };
    expect(armings.arm(input)).toBeNull();
    expect(armings.open(conversationId, 'no_response')).toBeUndefined();

    const lastTier = addRule({ trigger: 'no_response_72h', delayMinutes: 4320 });
    addRule({ trigger: 'follow_up', delayMinutes: 1 });
    expect(armings.arm(input)).toBe(anchorAt + minutes(4320));
    expect(armings.open(conversationId, 'no_response')).toMatchObject({ episode: messageId, anchor_at: anchorAt });
    // A welcome's rules do not time a silence.
    addRule({ trigger: 'new_inquiry', delayMinutes: 1 });
    changeRule(lastTier, { delayMinutes: 4000 });
    expect(armings.firstDue()).toBe(anchorAt + minutes(4000));
    expect(armings.end(conversationId, 'no_response', 'customer_replied')).toBe(true);
    expect(armings.end(conversationId, 'no_response', 'customer_replied')).toBe(false);
  });
});
