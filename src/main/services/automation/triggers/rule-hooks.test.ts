import { afterEach, describe, expect, it } from 'vitest';
import { automationOffice, type AutomationOffice } from '../../../testing/automation-office';

let office: AutomationOffice;
afterEach(async () => {
  await office?.t.close();
});

describe('a rule saved, switched off and on, deleted', () => {
  it('enabling a no-response rule arms the conversations silent past a person message now, not those where the customer spoke last', async () => {
    office = await automationOffice();
    const { clock, customerWrites, agentAnswers, addRule, settle, pending, minutes } = office;
    const silent = customerWrites('966500000101', 'مرحبا');
    clock.advance(minutes(1));
    await agentAnswers(silent.conversationId);
    const answeredAt = clock.now();
    const waiting = customerWrites('966500000102', 'مرحبا');
    settle();
    clock.advance(minutes(60));
    const rule = addRule({ trigger: 'no_response_24h', delayMinutes: 1440 });
    expect(pending()).toEqual([expect.objectContaining({ rule_id: rule.id, conversation_id: silent.conversationId, due_at: answeredAt + minutes(1440) })]);
    expect(pending().some((j) => j.conversation_id === waiting.conversationId)).toBe(false);
  });

  it('switched off cancels its waiting jobs (rule_off); on again arms new episodes only', async () => {
    office = await automationOffice();
    const { clock, customerWrites, addRule, changeRule, settle, jobs, minutes } = office;
    const rule = addRule({ trigger: 'new_inquiry', delayMinutes: 30 });
    const first = customerWrites('966500000111', 'السلام عليكم');
    settle();
    const off = changeRule(rule, { isActive: false });
    expect(jobs().map((j) => [j.conversation_id, j.status, j.reason])).toEqual([[first.conversationId, 'cancelled', 'rule_off']]);
    const whileOff = customerWrites('966500000112', 'مرحبا');
    settle();
    clock.advance(minutes(1));
    changeRule(off, { isActive: true });
    const next = customerWrites('966500000113', 'أهلًا');
    settle();
    expect(jobs().map((j) => [j.conversation_id, j.status])).toEqual([
      [first.conversationId, 'cancelled'],
      // Unanswered when the rule came back: true now, so it is armed once.
      [whileOff.conversationId, 'pending'],
      [next.conversationId, 'pending'],
    ]);
  });

  it('a changed delay re-times the waiting jobs', async () => {
    office = await automationOffice();
    const { clock, customerWrites, addRule, changeRule, settle, pending, minutes } = office;
    const rule = addRule({ trigger: 'new_inquiry', delayMinutes: 30 });
    customerWrites('966500000121', 'السلام عليكم');
    const wrote = clock.now();
    settle();
    changeRule(rule, { delayMinutes: 90 });
    expect(pending().map((j) => j.due_at)).toEqual([wrote + minutes(90)]);
  });

  it('deleting a rule cancels its waiting jobs (rule_deleted); ended ones stay as they were', async () => {
    office = await automationOffice();
    const { customerWrites, addRule, deleteRule, settle, jobs, markSent } = office;
    const rule = addRule({ trigger: 'new_inquiry', delayMinutes: 30 });
    customerWrites('966500000131', 'السلام عليكم');
    customerWrites('966500000132', 'السلام عليكم');
    settle();
    markSent(jobs()[0]!.id);
    deleteRule(rule);
    expect(jobs().map((j) => [j.status, j.reason, j.rule_id])).toEqual([
      ['sent', null, null],
      ['cancelled', 'rule_deleted', null],
    ]);
  });

  it('a removed number cancels its jobs (number_removed)', async () => {
    office = await automationOffice();
    const { t, admin, number, customerWrites, addRule, settle, jobs, pending } = office;
    addRule({ trigger: 'new_inquiry', delayMinutes: 30 });
    customerWrites('966500000141', 'السلام عليكم');
    settle();
    expect(pending()).toHaveLength(1);
    await t.call('numbers.remove', { id: number.id }, admin.token);
    settle();
    expect(jobs().map((j) => [j.status, j.reason])).toEqual([['cancelled', 'number_removed']]);
  });

  it('a dry run tells what enabling would arm now, soonest first, and writes nothing', async () => {
    office = await automationOffice();
    const { sqlite, clock, customerWrites, agentAnswers, automation, settle, jobs, minutes } = office;
    const a = customerWrites('966500000151', 'مرحبا', 'سارة');
    await agentAnswers(a.conversationId);
    clock.advance(minutes(5));
    const b = customerWrites('966500000152', 'مرحبا', 'خالد');
    await agentAnswers(b.conversationId);
    settle();
    const before = sqlite.prepare('select count(*) as n from automation_jobs').get();
    const run = automation().triggers.dryRun({ trigger: 'no_response_24h', delayMinutes: 1440, whatsappNumberId: null }, 1);
    expect(run.count).toBe(2);
    expect(run.sample).toEqual([expect.objectContaining({ conversationId: a.conversationId, contactName: 'سارة', contactPhone: '+966500000151' })]);
    expect(sqlite.prepare('select count(*) as n from automation_jobs').get()).toEqual(before);
    expect(jobs()).toHaveLength(0);
  });
});
