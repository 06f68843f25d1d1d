import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../../testing/test-core';
import { twoNumbersOffice } from '../../testing/two-numbers-office';

let t: ReturnType<typeof startTestCore>;
afterEach(() => t?.close());

describe("a number's agents and their conversations", () => {
  it('taking an agent off a number unassigns their conversations there, logged, and their windows drop the number', async () => {
    t = startTestCore();
    const w = await twoNumbersOffice(t);
    await t.call('conversations.assign', { id: w.theirs.id, agentId: w.rentalsAgent.user.id }, w.admin.token);
    // The same agent keeps a conversation on a number they still work.
    await t.call('numbers.setAgents', { id: w.sales.id, agentIds: [w.agent.user.id, w.rentalsAgent.user.id] }, w.admin.token);
    await t.call('conversations.assign', { id: w.mine.id, agentId: w.rentalsAgent.user.id }, w.admin.token);
    t.events.length = 0;

    await t.call('numbers.setAgents', { id: w.rentals.id, agentIds: [] }, w.admin.token);

    expect((await t.call('conversations.get', { id: w.theirs.id }, w.admin.token)).assignedAgentId).toBeNull();
    expect((await t.call('conversations.get', { id: w.mine.id }, w.admin.token)).assignedAgentId).toBe(w.rentalsAgent.user.id);
    // "Assigned to me" counts only what they can still open.
    expect((await t.call('conversations.list', { assignedTo: 'me' }, w.rentalsAgent.token)).data.map((c) => c.id)).toEqual([w.mine.id]);
    const log = await t.call('activity.list', {}, w.admin.token);
    expect(log.find((e) => e.action === 'conversation.unassigned')).toMatchObject({
      entityId: w.theirs.id,
      userId: w.admin.user.id,
      details: { from: w.rentalsAgent.user.id, to: null, reason: 'number_access_removed' },
    });
    // The inbox shows it unassigned; the agent taken off hears neither of it nor of the number again, but drops the number.
    const update = t.events.find((e) => e.event === 'conversation.update' && (e.data as { conversationId: number }).conversationId === w.theirs.id);
    expect(update?.audience).toEqual({ kind: 'users', userIds: [w.admin.user.id] });
    expect(t.events.filter((e) => e.event === 'number.removed')).toEqual([{ event: 'number.removed', data: { id: w.rentals.id }, audience: { kind: 'users', userIds: [w.rentalsAgent.user.id] } }]);
    expect(await t.failure('conversations.get', { id: w.theirs.id }, w.rentalsAgent.token)).toMatchObject({ code: 'FORBIDDEN', details: 'number_not_allowed' });
  });

  it("a new owner: the old owner's conversations on the number are unassigned", async () => {
    t = startTestCore();
    const w = await twoNumbersOffice(t);
    await t.call('numbers.setAgents', { id: w.rentals.id, agentIds: [] }, w.admin.token);
    await t.call('numbers.update', { id: w.rentals.id, employeeId: w.rentalsAgent.user.id }, w.admin.token);
    await t.call('conversations.assign', { id: w.theirs.id, agentId: w.rentalsAgent.user.id }, w.admin.token);

    await t.call('numbers.update', { id: w.rentals.id, employeeId: w.agent.user.id }, w.admin.token);
    expect((await t.call('conversations.get', { id: w.theirs.id }, w.admin.token)).assignedAgentId).toBeNull();
    // Renaming the number leaves assignments alone.
    await t.call('conversations.assign', { id: w.theirs.id, agentId: w.agent.user.id }, w.admin.token);
    await t.call('numbers.update', { id: w.rentals.id, name: 'الإيجارات' }, w.admin.token);
    expect((await t.call('conversations.get', { id: w.theirs.id }, w.admin.token)).assignedAgentId).toBe(w.agent.user.id);
  });

  it('a transfer tells the agent it was taken from, as well as the one it goes to', async () => {
    t = startTestCore();
    const w = await twoNumbersOffice(t);
    const colleague = await t.createUser(w.admin.token, 'agent', 'colleague@office.test');
    await t.call('numbers.setAgents', { id: w.rentals.id, agentIds: [w.rentalsAgent.user.id, colleague.user.id] }, w.admin.token);
    await t.call('conversations.assign', { id: w.theirs.id, agentId: w.rentalsAgent.user.id }, w.admin.token);
    t.events.length = 0;

    await t.call('conversations.assign', { id: w.theirs.id, agentId: colleague.user.id }, w.admin.token);
    const told = (name: string) => t.events.filter((e) => e.event === name).map((e) => e.audience);
    expect(told('conversation.assigned')).toEqual([{ kind: 'users', userIds: [colleague.user.id] }]);
    expect(told('conversation.transferred')).toEqual([{ kind: 'users', userIds: [w.rentalsAgent.user.id] }]);
    const transferred = t.events.find((e) => e.event === 'conversation.transferred')!.data as { conversation: { assignedAgentId: number }; byUserName: string };
    expect(transferred).toMatchObject({ conversation: { assignedAgentId: colleague.user.id }, byUserName: w.admin.user.name });

    // Unassigning tells the colleague too; taking it oneself tells nobody but the one it was taken from.
    t.events.length = 0;
    await t.call('conversations.assign', { id: w.theirs.id, agentId: null }, colleague.token);
    expect(told('conversation.transferred')).toEqual([]);
    await t.call('conversations.assign', { id: w.theirs.id, agentId: colleague.user.id }, w.admin.token);
    t.events.length = 0;
    await t.call('conversations.assign', { id: w.theirs.id, agentId: w.rentalsAgent.user.id }, w.rentalsAgent.token);
    expect(told('conversation.assigned')).toEqual([]);
    expect(told('conversation.transferred')).toEqual([{ kind: 'users', userIds: [colleague.user.id] }]);
  });
});
