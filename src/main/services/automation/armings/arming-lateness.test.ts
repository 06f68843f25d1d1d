import { afterEach, expect, it } from 'vitest';
import { automationOffice, type AutomationOffice } from '../../../testing/automation-office';
import { JobStore, type JobRow } from '../job-store';
import { ActiveRules } from '../triggers/active-rules';
import { ArmingStore } from './arming-store';

let office: AutomationOffice;
afterEach(async () => {
  await office?.t.close();
});

/** A customer's unheard message, and the job and arming stores on the office's database (beside, not inside, the core's). */
function customerWritesWithStores(o: AutomationOffice, phone: string, text: string) {
  const { conversationId, messageId } = o.customerWritesUnheard(phone, text);
  const armings = new ArmingStore(o.sqlite, o.clock, new ActiveRules(o.sqlite));
  const contactId = o.sqlite.prepare<[number], { contact_id: number }>('select contact_id from conversations where id = ?').get(conversationId)!.contact_id;
  return { conversationId, messageId, contactId, jobs: new JobStore(o.sqlite, o.clock), armings };
}

/**
 * An episode armed late (a customer's message that reached the desk hours after it was sent, after
 * a phone offline or a long sync): a rule whose instant is already past its trigger's lateness
 * limit is never written — it would only turn up as `expired` — while the limit itself still counts.
 */
it('a welcome armed three hours late writes only the rules still within the two-hour limit, the one exactly at the limit included', async () => {
  office = await automationOffice();
  const { addRule, clock, minutes, number } = office;
  const tooLate = addRule({ trigger: 'new_inquiry', delayMinutes: 59 });
  const atLimit = addRule({ trigger: 'new_inquiry', delayMinutes: 60 });
  const inTime = addRule({ trigger: 'new_inquiry', delayMinutes: 120 });
  const { conversationId, messageId, contactId, jobs, armings } = customerWritesWithStores(office, '966500000071', 'السلام عليكم');
  const sentAt = clock.now() - minutes(180);

  armings.arm({ conversationId, numberId: number.id, contactId, family: 'new_inquiry', episode: messageId, anchorAt: sentAt });
  armings.materialiseDue(jobs, clock.now(), 100);

  const written = office.sqlite.prepare<[], JobRow>('select * from automation_jobs order by due_at').all();
  expect(written.map((job) => [job.rule_id, job.due_at])).toEqual([
    [atLimit.id, sentAt + minutes(60)],
    [inTime.id, sentAt + minutes(120)],
  ]);
  expect(written.some((job) => job.rule_id === tooLate.id)).toBe(false);
  expect(armings.firstDue()).toBeNull();
});

it('a person opening a late-armed conversation sees only the jobs still within their limit, not one that could only expire', async () => {
  office = await automationOffice();
  const { addRule, clock, minutes, number } = office;
  addRule({ trigger: 'no_response_24h', delayMinutes: 1440 });
  const tier72 = addRule({ trigger: 'no_response_72h', delayMinutes: 4320 });
  const { conversationId, messageId, contactId, jobs, armings } = customerWritesWithStores(office, '966500000072', 'مرحبا');
  // Silent for three days and an hour: the 24 h tier is two days past its limit, the 72 h tier an hour late.
  const silentSince = clock.now() - minutes(3 * 1440 + 60);

  armings.arm({ conversationId, numberId: number.id, contactId, family: 'no_response', episode: messageId, anchorAt: silentSince });
  armings.materialiseAll(jobs, conversationId);

  const written = office.sqlite.prepare<[], JobRow>('select * from automation_jobs order by due_at').all();
  expect(written.map((job) => [job.rule_id, job.trigger, job.status])).toEqual([[tier72.id, 'no_response_72h', 'pending']]);
});
