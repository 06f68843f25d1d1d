import { afterEach, describe, expect, it } from 'vitest';
import { automationOffice, officeOn, type AutomationOffice } from '../../../testing/automation-office';
import { eventually, startTestCore } from '../../../testing/test-core';

let office: AutomationOffice;
afterEach(async () => {
  await office?.t.close();
});

describe('new inquiry', () => {
  it("a new customer's first message arms one welcome at message time + delay; their next messages arm nothing new", async () => {
    office = await automationOffice();
    const { clock, addRule, customerWrites, settle, jobs, minutes } = office;
    const rule = addRule({ trigger: 'new_inquiry', delayMinutes: 5 });
    const first = customerWrites('966500000001', 'السلام عليكم');
    const at = clock.now();
    settle();
    clock.advance(minutes(1));
    customerWrites('966500000001', 'أبغى شقة');
    settle();
    settle();
    expect(jobs()).toEqual([
      expect.objectContaining({ rule_id: rule.id, trigger: 'new_inquiry', conversation_id: first.conversationId, status: 'pending', due_at: at + minutes(5), idempotency_key: `${rule.id}:new_inquiry:c${first.conversationId}:m${first.messageId}` }),
    ]);
  });

  it('read in one pass, each new customer gets a welcome, a customer of an old episode none, a silence after an agent its follow-up', async () => {
    office = await automationOffice();
    const { clock, addRule, customerWritesUnheard, typedOnPhone, settle, pending, minutes } = office;
    // An episode opened before any rule existed, longer ago than the welcome's lateness limit.
    const old = customerWritesUnheard('966500000009', 'مرحبا');
    settle();
    clock.advance(minutes(3 * 60));
    const welcome = addRule({ trigger: 'new_inquiry', delayMinutes: 1 });
    const followUp = addRule({ trigger: 'no_response_24h', delayMinutes: 1440 });
    settle();
    expect(pending()).toEqual([]);

    const first = customerWritesUnheard('966500000001', 'السلام عليكم');
    const second = customerWritesUnheard('966500000002', 'أبغى فيلا');
    customerWritesUnheard('966500000009', 'هل الشقة متاحة؟');
    const answered = customerWritesUnheard('966500000003', 'كم السعر؟');
    const answer = typedOnPhone('966500000003', 'السعر مليون');
    settle();
    const armed = pending().map((j) => [j.rule_id, j.conversation_id, j.idempotency_key]);
    expect(armed).toEqual(
      expect.arrayContaining([
        [welcome.id, first.conversationId, `${welcome.id}:new_inquiry:c${first.conversationId}:m${first.messageId}`],
        [welcome.id, second.conversationId, `${welcome.id}:new_inquiry:c${second.conversationId}:m${second.messageId}`],
        [followUp.id, answered.conversationId, `${followUp.id}:no_response_24h:c${answered.conversationId}:m${answer.messageId}`],
      ]),
    );
    // The third customer was answered before the pass: no welcome; the old episode: nothing.
    expect(armed).toHaveLength(3);
    expect(pending().some((j) => j.conversation_id === old.conversationId)).toBe(false);
  });

  it("the rule's upcoming list shows each customer's welcome waiting, soonest first, before anyone opened a conversation", async () => {
    office = await automationOffice();
    const { t, admin, clock, addRule, customerWrites, settle, minutes } = office;
    const rule = addRule({ trigger: 'new_inquiry', delayMinutes: 5 });
    const first = customerWrites('966500000041', 'السلام عليكم');
    const firstAt = clock.now();
    clock.advance(minutes(1));
    const second = customerWrites('966500000042', 'مرحبا');
    settle();
    const page = await t.call('automation.ruleJobs', { ruleId: rule.id, view: 'upcoming' }, admin.token);
    expect(page.jobs.map((j) => [j.conversationId, j.dueAt])).toEqual([
      [first.conversationId, new Date(firstAt + minutes(5)).toISOString()],
      [second.conversationId, new Date(firstAt + minutes(6)).toISOString()],
    ]);
  });

  it('the bus wakes the triggers: a published message arms without anyone asking', async () => {
    office = await automationOffice();
    const { addRule, customerWrites, pending } = office;
    addRule({ trigger: 'new_inquiry', delayMinutes: 1 });
    const { conversationId } = customerWrites('966500000002', 'مرحبا');
    await eventually(() => expect(pending()).toEqual([expect.objectContaining({ conversation_id: conversationId })]));
  });

  it.each([
    ['an agent in the app', (o: AutomationOffice, c: number) => o.agentAnswers(c)],
    ['the AI', (o: AutomationOffice, c: number) => o.aiAnswers(c)],
    ['an agent typing on the phone', (o: AutomationOffice) => o.typedOnPhone('966500000003', 'حياك الله')],
  ])('an answer by %s first cancels the welcome as answered (listed so on the side panel)', async (_who, answer) => {
    office = await automationOffice();
    const { addRule, customerWrites, settle, jobs } = office;
    addRule({ trigger: 'new_inquiry', delayMinutes: 10 });
    const { conversationId } = customerWrites('966500000003', 'السلام عليكم');
    settle();
    // The side panel lists the welcome waiting...
    expect(jobs()).toEqual([expect.objectContaining({ status: 'pending' })]);
    await answer(office, conversationId);
    settle();
    expect(jobs()).toEqual([expect.objectContaining({ status: 'cancelled', reason: 'answered' })]);
  });

  it("the number's team hears of the welcome as it is armed and as an answer cancels it (side panels follow live)", async () => {
    office = await automationOffice();
    const { t, addRule, customerWrites, settle, agentAnswers } = office;
    addRule({ trigger: 'new_inquiry', delayMinutes: 10 });
    const { conversationId } = customerWrites('966500000005', 'السلام عليكم');
    settle();
    await agentAnswers(conversationId);
    settle();
    const heard = t.events.filter((e) => e.event === 'automation.jobs.changed').map((e) => e.data as { conversationId: number; status: string });
    expect(heard).toEqual([expect.objectContaining({ conversationId, status: 'pending' }), expect.objectContaining({ conversationId, status: 'cancelled' })]);
  });

  it('an automated message is not an answer: the welcome still waits', async () => {
    office = await automationOffice();
    const { addRule, customerWrites, settle, pending, automatedMessage } = office;
    addRule({ trigger: 'new_inquiry', delayMinutes: 10 });
    const { conversationId } = customerWrites('966500000004', 'السلام عليكم');
    settle();
    automatedMessage(conversationId, 999);
    settle();
    expect(pending()).toHaveLength(1);
  });

  it('a customer writing after the conversation was resolved opens a new episode with its own welcome', async () => {
    office = await automationOffice();
    const { t, admin, clock, addRule, customerWrites, agentAnswers, settle, jobs, minutes } = office;
    const rule = addRule({ trigger: 'new_inquiry', delayMinutes: 1 });
    const first = customerWrites('966500000005', 'السلام عليكم');
    settle();
    expect(jobs()).toHaveLength(1);
    await agentAnswers(first.conversationId);
    clock.advance(minutes(30));
    customerWrites('966500000005', 'شكرًا');
    settle();
    expect(jobs()).toHaveLength(1);
    await t.call('conversations.update', { id: first.conversationId, status: 'resolved' }, admin.token);
    clock.advance(minutes(60));
    const again = customerWrites('966500000005', 'عندي سؤال ثاني');
    settle();
    expect(jobs().map((j) => [j.idempotency_key, j.status])).toEqual([
      [`${rule.id}:new_inquiry:c${first.conversationId}:m${first.messageId}`, 'cancelled'],
      [`${rule.id}:new_inquiry:c${first.conversationId}:m${again.messageId}`, 'pending'],
    ]);
  });
});

describe('no response', () => {
  it("rule-002's 1440 fires 24 h after the latest person message; a later person message re-times it; automated messages never move it", async () => {
    office = await automationOffice();
    const { clock, addRule, customerWrites, agentAnswers, automatedMessage, settle, pending, minutes } = office;
    const rule = addRule({ trigger: 'no_response_24h', delayMinutes: 1440 });
    const { conversationId } = customerWrites('966500000010', 'كم السعر؟');
    settle();
    expect(pending()).toHaveLength(0);
    clock.advance(minutes(5));
    const firstAnswer = await agentAnswers(conversationId);
    settle();
    expect(pending()).toEqual([
      expect.objectContaining({ rule_id: rule.id, due_at: clock.now() + minutes(1440), idempotency_key: `${rule.id}:no_response_24h:c${conversationId}:m${firstAnswer}` }),
    ]);
    clock.advance(minutes(60));
    await agentAnswers(conversationId, 'وهذه صور الشقة');
    const latest = clock.now();
    settle();
    clock.advance(minutes(60));
    automatedMessage(conversationId, pending()[0]!.id);
    settle();
    expect(pending()).toEqual([expect.objectContaining({ due_at: latest + minutes(1440), idempotency_key: `${rule.id}:no_response_24h:c${conversationId}:m${firstAnswer}` })]);
  });

  it('a customer reply cancels it; the next silence is a new job; a tier fires once per silence', async () => {
    office = await automationOffice();
    const { clock, addRule, customerWrites, agentAnswers, settle, jobs, pending, markSent, minutes } = office;
    addRule({ trigger: 'no_response_48h', delayMinutes: 2880 });
    const { conversationId } = customerWrites('966500000011', 'مرحبا');
    await agentAnswers(conversationId);
    settle();
    expect(pending()).toHaveLength(1);
    clock.advance(minutes(10));
    customerWrites('966500000011', 'تمام');
    settle();
    expect(jobs().map((j) => [j.status, j.reason])).toEqual([['cancelled', 'customer_replied']]);
    await agentAnswers(conversationId, 'ننتظر ردك');
    settle();
    const second = pending()[0]!;
    markSent(second.id);
    clock.advance(minutes(10));
    await agentAnswers(conversationId, 'هل ما زلت مهتمًا؟');
    settle();
    expect(jobs()).toHaveLength(2);
    expect(pending()).toHaveLength(0);
  });

  it('a tier already sent, or cancelled from the side panel, stays as it ended, at its instant, when an agent writes again in that silence', async () => {
    office = await automationOffice();
    const { t, admin, clock, addRule, customerWrites, agentAnswers, settle, jobs, markSent, minutes } = office;
    addRule({ trigger: 'no_response_24h', delayMinutes: 1440 });
    addRule({ trigger: 'no_response_48h', delayMinutes: 2880 });
    const { conversationId } = customerWrites('966500000013', 'مرحبا');
    await agentAnswers(conversationId);
    settle();
    const [sent, cancelled] = jobs();
    markSent(sent!.id);
    await t.call('automation.cancelJob', { id: cancelled!.id }, admin.token);
    const ended = jobs();
    expect(ended.map((j) => j.status)).toEqual(['sent', 'cancelled']);
    clock.advance(minutes(30));
    await agentAnswers(conversationId, 'هل ما زلت مهتمًا؟');
    settle();
    expect(jobs()).toEqual(ended);
  });

  it.each([
    ['resolved', { status: 'resolved' as const }],
    ['archived', { isArchived: true }],
  ])('a conversation %s cancels its waiting no-response and welcome jobs', async (reason, change) => {
    office = await automationOffice();
    const { t, admin, addRule, customerWrites, agentAnswers, settle, jobs } = office;
    addRule({ trigger: 'no_response_24h', delayMinutes: 1440 });
    const { conversationId } = customerWrites('966500000012', 'مرحبا');
    await agentAnswers(conversationId);
    settle();
    expect(jobs()).toHaveLength(1);
    await t.call('conversations.update', { id: conversationId, ...change }, admin.token);
    settle();
    expect(jobs().map((j) => [j.status, j.reason])).toEqual([['cancelled', reason]]);
  });
});

describe('opt-out', () => {
  it.each(['STOP!', 'الغاء', 'إلغاء.', ' توقف ', 'Unsubscribe'])('"%s" ends automation to the customer and cancels their waiting jobs', async (word) => {
    office = await automationOffice();
    const { sqlite, addRule, customerWrites, agentAnswers, settle, jobs } = office;
    addRule({ trigger: 'no_response_24h', delayMinutes: 1440 });
    const { conversationId } = customerWrites('966500000020', 'مرحبا');
    await agentAnswers(conversationId);
    settle();
    expect(jobs()).toHaveLength(1);
    customerWrites('966500000020', word);
    settle();
    const contact = sqlite.prepare('select automation_opted_out_at as at from contacts where id = (select contact_id from conversations where id = ?)').get(conversationId) as { at: number | null };
    expect(contact.at).toBe(office.clock.now());
    expect(jobs().map((j) => [j.status, j.reason])).toEqual([['cancelled', 'opted_out']]);
    await agentAnswers(conversationId, 'حاضر');
    settle();
    expect(jobs()).toHaveLength(1);
  });

  it('a sentence that only contains a word is not an opt-out', async () => {
    office = await automationOffice();
    const { sqlite, customerWrites, settle } = office;
    const { conversationId } = customerWrites('966500000021', 'please do not stop sending offers');
    settle();
    const contact = sqlite.prepare('select automation_opted_out_at as at from contacts where id = (select contact_id from conversations where id = ?)').get(conversationId) as { at: number | null };
    expect(contact.at).toBeNull();
  });
});

describe('across a restart', () => {
  it('messages stored but never announced (the app stopped) are read at the next start, once', async () => {
    office = await automationOffice();
    const { t, clock, addRule, customerWritesUnheard } = office;
    const rule = addRule({ trigger: 'new_inquiry', delayMinutes: 1 });
    const { conversationId, messageId } = customerWritesUnheard('966500000030', 'السلام عليكم');
    const dataDir = t.dataDir;
    await t.close();
    const again = startTestCore({ clock, dataDir });
    office = await officeOn(again, clock);
    expect(office.jobs()).toEqual([expect.objectContaining({ idempotency_key: `${rule.id}:new_inquiry:c${conversationId}:m${messageId}`, status: 'pending' })]);
    office.settle();
    expect(office.jobs()).toHaveLength(1);
  });
});
