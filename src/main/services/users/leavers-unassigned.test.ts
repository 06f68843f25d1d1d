import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../../testing/test-core';
import { customerWritesIn, twoNumbersOffice } from '../../testing/two-numbers-office';

type TestCore = ReturnType<typeof startTestCore>;
let t: TestCore;
afterEach(() => t.close());

/** Nobody answers the customers of someone who left or lost a number: their conversations go back to the queue. */
describe('conversations of a user who leaves or becomes an agent', () => {
  it('go back to the unassigned queue when the user is deactivated, each logged', async () => {
    t = startTestCore();
    const office = await twoNumbersOffice(t);
    const { admin, agent, sales, mine } = office;
    const second = customerWritesIn(t, sales.id, '966503330003', 'مرحبا', 'عميل ثان');
    await t.call('conversations.assign', { id: mine.id, agentId: agent.user.id }, admin.token);
    await t.call('conversations.assign', { id: second, agentId: agent.user.id }, admin.token);

    await t.call('users.setActive', { id: agent.user.id, isActive: false }, admin.token);

    expect((await t.call('conversations.get', { id: mine.id }, admin.token)).assignedAgentId).toBeNull();
    expect((await t.call('conversations.get', { id: second }, admin.token)).assignedAgentId).toBeNull();
    const log = await t.call('activity.list', { action: 'conversation.unassigned' }, admin.token);
    expect(log.filter((e) => e.details?.reason === 'user_deactivated').map((e) => e.entityId).sort()).toEqual([mine.id, second].sort());
  });

  it('keep only those on numbers the user still works when a supervisor becomes an agent', async () => {
    t = startTestCore();
    const office = await twoNumbersOffice(t);
    const { admin, sales, rentals, mine, theirs } = office;
    const supervisor = await t.createUser(admin.token, 'supervisor', 'supervisor@office.test');
    await t.call('numbers.setAgents', { id: sales.id, agentIds: [office.agent.user.id, supervisor.user.id] }, admin.token);
    await t.call('conversations.assign', { id: mine.id, agentId: supervisor.user.id }, admin.token);
    await t.call('conversations.assign', { id: theirs.id, agentId: supervisor.user.id }, admin.token);
    void rentals;

    await t.call('users.update', { id: supervisor.user.id, role: 'agent' }, admin.token);

    expect((await t.call('conversations.get', { id: mine.id }, admin.token)).assignedAgentId).toBe(supervisor.user.id);
    expect((await t.call('conversations.get', { id: theirs.id }, admin.token)).assignedAgentId).toBeNull();
  });

  it('stay assigned when an agent is only renamed', async () => {
    t = startTestCore();
    const { admin, agent, mine } = await twoNumbersOffice(t);
    await t.call('conversations.assign', { id: mine.id, agentId: agent.user.id }, admin.token);
    await t.call('users.update', { id: agent.user.id, name: 'اسم جديد', role: 'agent' }, admin.token);
    expect((await t.call('conversations.get', { id: mine.id }, admin.token)).assignedAgentId).toBe(agent.user.id);
  });
});
