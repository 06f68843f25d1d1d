import { afterEach, describe, expect, it } from 'vitest';
import { officeCalendarOf } from '../../../calendar/office-calendar-setting';
import { automationOffice, type AutomationOffice } from '../../../testing/automation-office';
import { eventually } from '../../../testing/test-core';

let office: AutomationOffice;
afterEach(async () => {
  await office?.t.close();
});

describe('"follow up in …"', () => {
  it("arms the conversation's follow-up rules for now + the agent's minutes (the rule's delay is for viewings); asking again moves the same job", async () => {
    office = await automationOffice();
    const { t, admin, clock, addRule, customerWrites, jobs, minutes } = office;
    const rule = addRule({ trigger: 'follow_up', delayMinutes: 2880 });
    const { conversationId } = customerWrites('966500000301', 'أفكر وأرد عليك');
    const armed = await t.call('automation.followUp', { conversationId, inMinutes: 180 }, admin.token);
    expect(armed).toEqual([expect.objectContaining({ ruleId: rule.id, conversationId, trigger: 'follow_up', status: 'pending', dueAt: new Date(clock.now() + minutes(180)).toISOString() })]);
    clock.advance(minutes(10));
    const again = await t.call('automation.followUp', { conversationId, inMinutes: 60 }, admin.token);
    expect(again.map((j) => [j.id, j.dueAt])).toEqual([[armed[0]!.id, new Date(clock.now() + minutes(60)).toISOString()]]);
    expect(jobs()).toHaveLength(1);
  });

  it('every refusal leaves the database unchanged', async () => {
    office = await automationOffice();
    const { t, admin, sqlite, addRule, customerWrites } = office;
    const { conversationId } = customerWrites('966500000302', 'مرحبا');
    const other = await t.call('numbers.create', { name: 'Rentals' }, admin.token);
    const agent = await t.createUser(admin.token, 'agent', 'rentals@office.test');
    await t.call('numbers.setAgents', { id: other.id, agentIds: [agent.user.id] }, admin.token);
    const state = () => ({
      jobs: sqlite.prepare('select * from automation_jobs order by id').all(),
      contacts: sqlite.prepare('select id, automation_opted_out_at from contacts order by id').all(),
    });
    const refused = async (input: unknown, token: string, error: object) => {
      const before = state();
      expect(await t.failure('automation.followUp', input, token)).toMatchObject(error);
      expect(state()).toEqual(before);
    };

    await refused({ conversationId, inMinutes: 60 }, admin.token, { code: 'UNPROCESSABLE_ENTITY', details: 'no_follow_up_rule' });
    addRule({ trigger: 'follow_up', whatsappNumberId: office.number.id });
    // A waiting follow-up that a refused call must not move.
    await t.call('automation.followUp', { conversationId, inMinutes: 30 }, admin.token);
    await refused({ conversationId: 99_999, inMinutes: 60 }, admin.token, { code: 'NOT_FOUND' });
    await refused({ conversationId, inMinutes: 0 }, admin.token, { code: 'VALIDATION_ERROR' });
    await refused({ conversationId, inMinutes: 60, extra: 1 }, admin.token, { code: 'VALIDATION_ERROR' });
    await refused({ conversationId, inMinutes: 60 }, agent.token, { code: 'FORBIDDEN', details: 'number_not_allowed' });
    sqlite.prepare('update contacts set automation_opted_out_at = 1').run();
    await refused({ conversationId, inMinutes: 60 }, admin.token, { code: 'UNPROCESSABLE_ENTITY', details: 'opted_out' });
    sqlite.prepare('update contacts set automation_opted_out_at = null').run();
    await t.call('numbers.remove', { id: office.number.id }, admin.token);
    await eventually(() => expect(office.pending()).toHaveLength(0));
    await refused({ conversationId, inMinutes: 60 }, admin.token, { code: 'UNPROCESSABLE_ENTITY', details: 'number_removed' });
  });
});

describe("a contact's follow-up date", () => {
  it("arms at the office's next opening on that day; a changed date ends the old job and arms the new one", async () => {
    office = await automationOffice();
    const { t, admin, sqlite, clock, addRule, customerWrites, jobs } = office;
    const rule = addRule({ trigger: 'follow_up', delayMinutes: 0 });
    const { conversationId } = customerWrites('966500000303', 'كلمني الأسبوع الجاي');
    const contactId = (sqlite.prepare('select contact_id as id from conversations where id = ?').get(conversationId) as { id: number }).id;
    const calendar = officeCalendarOf(sqlite);
    const dayAfter = (n: number) => calendar.officeDay(clock.now() + n * 86_400_000);
    const firstDay = dayAfter(7);
    await t.call('contacts.update', { id: contactId, followUpDate: firstDay }, admin.token);
    const openingOn = (day: string) => calendar.nextOpening(calendar.dayStart(day))!;
    await eventually(() =>
      expect(jobs()).toEqual([expect.objectContaining({ idempotency_key: `${rule.id}:follow_up:ct${contactId}:d${firstDay}`, due_at: openingOn(firstDay), conversation_id: conversationId })]),
    );
    const secondDay = dayAfter(9);
    await t.call('contacts.update', { id: contactId, followUpDate: secondDay }, admin.token);
    await eventually(() =>
      expect(jobs().map((j) => [j.status, j.due_at])).toEqual([
        ['cancelled', openingOn(firstDay)],
        ['pending', openingOn(secondDay)],
      ]),
    );
    expect(new Date(openingOn(secondDay)).getTime()).toBeGreaterThanOrEqual(calendar.dayStart(secondDay));
  });
});
