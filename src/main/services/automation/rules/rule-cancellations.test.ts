import { afterEach, describe, expect, it } from 'vitest';
import { automationOffice, type AutomationOffice } from '../../../testing/automation-office';

/**
 * Jobs still waiting in an arming (not yet rows) when they end or while they wait: a rule's
 * pending count, its past jobs and the stats must count them as a person sees them (issue 15
 * "a rule's upcoming and past jobs with reasons"; "skipped, cancelled and expired reported apart").
 */
let office: AutomationOffice;
afterEach(async () => {
  await office?.t.close();
});

const customers = ['966500000101', '966500000102', '966500000103'];

describe('jobs ended or waiting before they were written', () => {
  it('three customers answered by an agent before their welcome fired: the stats and the rule\'s past jobs show three cancelled as answered', async () => {
    office = await automationOffice();
    const { t, admin, number, addRule, customerWrites, agentAnswers, settle } = office;
    const rule = addRule({ trigger: 'new_inquiry', delayMinutes: 60 });
    for (const phone of customers) {
      const { conversationId } = customerWrites(phone, 'السلام عليكم');
      settle();
      await agentAnswers(conversationId);
      settle();
    }
    await t.core.services.automation.runner.settled();

    const stats = await t.call('automation.stats', { numberId: number.id, period: '24h' }, admin.token);
    expect(stats.notSent).toEqual({ skipped: 0, cancelled: 3, expired: 0 });
    const past = await t.call('automation.ruleJobs', { ruleId: rule.id, view: 'past' }, admin.token);
    expect(past.jobs.map((j) => [j.status, j.reason])).toEqual(customers.map(() => ['cancelled', 'answered']));
    const listed = (await t.call('automation.listRules', {}, admin.token)).data.find((r) => r.id === rule.id)!;
    expect(listed.pendingJobs).toBe(0);
  });

  it('three customers who replied before their follow-up fired: the stats and the rule\'s past jobs show three cancelled as customer_replied', async () => {
    office = await automationOffice();
    const { t, admin, number, addRule, customerWrites, agentAnswers, settle } = office;
    const rule = addRule({ trigger: 'no_response_24h', delayMinutes: 1440 });
    for (const phone of customers) {
      const { conversationId } = customerWrites(phone, 'أبغى شقة');
      settle();
      await agentAnswers(conversationId, 'عندنا شقق في الملقا');
      settle();
      customerWrites(phone, 'طيب، كم السعر؟');
      settle();
    }
    await t.core.services.automation.runner.settled();

    const stats = await t.call('automation.stats', { numberId: number.id, period: '24h' }, admin.token);
    expect(stats.notSent.cancelled).toBe(3);
    const past = await t.call('automation.ruleJobs', { ruleId: rule.id, view: 'past' }, admin.token);
    expect(past.jobs.map((j) => [j.status, j.reason])).toEqual(customers.map(() => ['cancelled', 'customer_replied']));
  });

  it('the rules list counts as pending the welcomes still waiting to be written, once each, and none once they are answered', async () => {
    office = await automationOffice();
    const { t, admin, addRule, customerWrites, agentAnswers, settle, jobs } = office;
    const rule = addRule({ trigger: 'new_inquiry', delayMinutes: 60 });
    const other = addRule({ trigger: 'new_inquiry', delayMinutes: 120 });
    const conversations = customers.map((phone) => customerWrites(phone, 'السلام عليكم').conversationId);
    settle();
    const pendingOf = async (id: number) => (await t.call('automation.listRules', {}, admin.token)).data.find((r) => r.id === id)!.pendingJobs;
    expect(await pendingOf(rule.id)).toBe(3);
    expect(await pendingOf(other.id)).toBe(3);

    // A person opened the panels: the waiting jobs are rows now, and counted once, not twice.
    jobs();
    expect(await pendingOf(rule.id)).toBe(3);

    await agentAnswers(conversations[0]!);
    settle();
    expect(await pendingOf(rule.id)).toBe(2);
    expect(await pendingOf(other.id)).toBe(2);
  });
});
