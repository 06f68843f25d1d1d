import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationView } from '../../../shared/notifications/types';
import { eventually } from '../../testing/test-core';
import { linkedNumber, trackedCores, type DemoCore } from '../../testing/demo-core';
import { runClock, scriptedWhatsApp, startOutboxCore, type OutboxCore } from '../../outbox/outbox-harness';

/** What already happens in the office (an assignment, a customer writing, a failed send, a dropped number, a busy quota) tells the right people. */
const cores = trackedCores(afterEach);
const outboxCores: OutboxCore[] = [];
afterEach(async () => {
  await Promise.all(outboxCores.splice(0).map((t) => t.close()));
});

type Core = Pick<DemoCore, 'call'>;
const listOf = async (t: Core, token: string): Promise<NotificationView[]> => (await t.call('notifications.list', {}, token)).items;
const typesOf = async (t: Core, token: string, type: NotificationView['type']) => (await listOf(t, token)).filter((n) => n.type === type);

/** A linked demo number worked by two agents, with a customer's conversation on it. */
async function demoOffice() {
  const t = cores.startDemo();
  const { admin, number, phoneWid } = await linkedNumber(t);
  const sara = await t.createUser(admin.token, 'agent', 'sara@office.test');
  const omar = await t.createUser(admin.token, 'agent', 'omar@office.test');
  await t.call('numbers.setAgents', { id: number.id, agentIds: [sara.user.id, omar.user.id] }, admin.token);
  t.world.deliverInbound(phoneWid, { from: '966501112233', body: 'السلام عليكم', profileName: 'محمد أحمد' });
  const conversation = await eventually(async () => {
    const [first] = (await t.call('conversations.list', {}, admin.token)).data;
    expect(first).toBeDefined();
    return first!;
  });
  return { t, admin, number, phoneWid, sara, omar, conversation };
}

describe('conversations', () => {
  it('an agent is told when a conversation is assigned to them, live and with who did it', async () => {
    const { t, admin, sara, omar, conversation } = await demoOffice();
    t.events.length = 0;
    await t.call('conversations.assign', { id: conversation.id, agentId: sara.user.id }, admin.token);
    const [told] = await typesOf(t, sara.token, 'conversation_assigned');
    expect(told).toMatchObject({ target: { kind: 'conversation', id: conversation.id }, params: { by: 'مدير المكتب', customer: 'محمد أحمد' } });
    expect(t.events.filter((e) => e.event === 'notification.new').map((e) => e.audience)).toEqual([{ kind: 'users', userIds: [sara.user.id] }]);
    expect(await typesOf(t, omar.token, 'conversation_assigned')).toEqual([]);
  });

  it('a new message in my conversation tells me, not the other agent on the number nor the admin, once until I read it', async () => {
    const { t, admin, phoneWid, sara, omar, conversation } = await demoOffice();
    await t.call('conversations.assign', { id: conversation.id, agentId: sara.user.id }, admin.token);
    t.world.deliverInbound(phoneWid, { from: '966501112233', body: 'متى أقدر أشوف الشقة؟', profileName: 'محمد أحمد' });
    const [told] = await eventually(async () => {
      const found = await typesOf(t, sara.token, 'conversation_message');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(told).toMatchObject({ target: { kind: 'conversation', id: conversation.id }, params: { customer: 'محمد أحمد', preview: 'متى أقدر أشوف الشقة؟' } });
    expect(await typesOf(t, omar.token, 'conversation_message')).toEqual([]);
    expect(await typesOf(t, admin.token, 'conversation_message')).toEqual([]);

    // A second message while the first is unread adds nothing; once read, the next one is told again.
    t.world.deliverInbound(phoneWid, { from: '966501112233', body: 'وكم السعر؟', profileName: 'محمد أحمد' });
    await eventually(async () => expect((await t.call('messages.list', { conversationId: conversation.id }, admin.token)).some((m) => m.content === 'وكم السعر؟')).toBe(true));
    expect(await typesOf(t, sara.token, 'conversation_message')).toHaveLength(1);
    await t.call('notifications.markRead', { id: told!.id }, sara.token);
    t.world.deliverInbound(phoneWid, { from: '966501112233', body: 'شكراً', profileName: 'محمد أحمد' });
    await eventually(async () => expect(await typesOf(t, sara.token, 'conversation_message')).toHaveLength(2));
  });

  it('a message in nobody’s conversation tells no one', async () => {
    const { t, admin, phoneWid, sara, conversation } = await demoOffice();
    t.world.deliverInbound(phoneWid, { from: '966501112233', body: 'هل من أحد؟', profileName: 'محمد أحمد' });
    await eventually(async () => expect((await t.call('messages.list', { conversationId: conversation.id }, admin.token)).some((m) => m.content === 'هل من أحد؟')).toBe(true));
    expect(await typesOf(t, sara.token, 'conversation_message')).toEqual([]);
    expect(await typesOf(t, admin.token, 'conversation_message')).toEqual([]);
  });
});

describe('numbers', () => {
  it('those who work a number are told when WhatsApp drops it, others are not', async () => {
    const { t, admin, number, sara } = await demoOffice();
    const other = await t.createUser(admin.token, 'agent', 'other@office.test');
    await t.call('numbers.demoEvent', { id: number.id, event: 'TOS_BLOCK' }, admin.token);
    const [told] = await eventually(async () => {
      const found = await typesOf(t, sara.token, 'number_disconnected');
      expect(found).toHaveLength(1);
      return found;
    });
    expect(told).toMatchObject({ target: { kind: 'number', id: number.id }, params: { number: 'المبيعات', reason: 'banned' } });
    expect(await typesOf(t, admin.token, 'number_disconnected')).toHaveLength(1);
    expect(await typesOf(t, other.token, 'number_disconnected')).toEqual([]);
  });

  it('an admin stopping a number on purpose is not news', async () => {
    const { t, admin, number, sara } = await demoOffice();
    await t.call('numbers.disconnect', { id: number.id }, admin.token);
    await eventually(async () => expect((await t.call('numbers.list', {}, admin.token))[0]!.connection.state).toBe('DISCONNECTED'));
    expect(await typesOf(t, sara.token, 'number_disconnected')).toEqual([]);
  });
});

describe('the outbox', () => {
  async function outboxOffice(quotaLimit: number) {
    const t = startOutboxCore();
    outboxCores.push(t);
    const admin = await t.setupAdmin();
    const { number, conversations } = await t.numberWithCustomers(admin.token, 'المبيعات', 1, quotaLimit);
    const agent = await t.createUser(admin.token, 'agent', 'sara@office.test');
    await t.call('numbers.setAgents', { id: number.id, agentIds: [agent.user.id] }, admin.token);
    const whatsapp = scriptedWhatsApp(t.clock);
    t.core.whatsapp.outbox.open(number.id, whatsapp.send);
    const answer = (content: string) => t.call('messages.send', { conversationId: conversations[0]!, content }, agent.token);
    return { t, admin, agent, number, whatsapp, answer };
  }

  it('the quota at 80% and at 100% is told once per number and office day, and again the next day', async () => {
    const { t, admin, agent, answer } = await outboxOffice(5);
    const quota = async (token: string) => (await listOf(t, token)).filter((n) => n.type.startsWith('quota_')).map((n) => [n.type, n.params.used, n.params.limit]);
    for (let i = 1; i <= 3; i++) await answer(`answer ${i}`);
    await runClock(t.clock, t.clock.now());
    expect(await quota(agent.token)).toEqual([]);
    await answer('answer 4');
    await runClock(t.clock, t.clock.now());
    expect(await quota(agent.token)).toEqual([['quota_warning', 4, 5]]);
    // The fifth uses it up; more wait for tomorrow and tell nobody again today.
    for (let i = 5; i <= 8; i++) await answer(`answer ${i}`);
    // 2026-11-25 09:00 UTC is noon in Riyadh; the office's next midnight is 21:00 UTC.
    await runClock(t.clock, Date.UTC(2026, 10, 25, 20, 59));
    expect(await quota(agent.token)).toEqual([
      ['quota_reached', 5, 5],
      ['quota_warning', 4, 5],
    ]);
    expect(await quota(admin.token)).toHaveLength(2);

    // The next office day: the three waiting go out, the fourth of the day is the warning again.
    await runClock(t.clock, Date.UTC(2026, 10, 25, 21, 0));
    await answer('answer 9');
    await runClock(t.clock, t.clock.now());
    expect((await quota(agent.token)).map(([type]) => type)).toEqual(['quota_warning', 'quota_reached', 'quota_warning']);
  });

  it('an answer that fails for good tells the agent who wrote it', async () => {
    const { t, admin, agent, whatsapp, answer } = await outboxOffice(100);
    whatsapp.failWith('رقم خاطئ', new Error('Evaluation failed: Error: invalid wid'));
    await answer('رقم خاطئ');
    await runClock(t.clock, t.clock.now());
    const [told] = await typesOf(t, agent.token, 'send_failed');
    expect(told).toMatchObject({ target: { kind: 'conversation' }, params: { customer: 'Customer 1' } });
    expect(await typesOf(t, admin.token, 'send_failed')).toEqual([]);
  });
});
