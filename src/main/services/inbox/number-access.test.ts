import { afterEach, describe, expect, it } from 'vitest';
import { trackedCores } from '../../testing/demo-core';
import { NumberAccess, noNumberAccess } from './number-access';

/**
 * "Agents see and touch only the numbers they work (the number's owner or its agents)", at the
 * router, not only in the UI; admins and supervisors work every number.
 */
const cores = trackedCores(afterEach);

async function office() {
  const t = cores.start();
  const admin = await t.setupAdmin();
  const supervisor = await t.createUser(admin.token, 'supervisor', 'supervisor@office.test');
  const owner = await t.createUser(admin.token, 'agent', 'owner@office.test');
  const helper = await t.createUser(admin.token, 'agent', 'helper@office.test');
  const outsider = await t.createUser(admin.token, 'agent', 'outsider@office.test');
  const sales = await t.call('numbers.create', { name: 'Sales', employeeId: owner.user.id }, admin.token);
  const rentals = await t.call('numbers.create', { name: 'Rentals' }, admin.token);
  await t.call('numbers.setAgents', { id: sales.id, agentIds: [helper.user.id] }, admin.token);
  const sqlite = t.core.database.sqlite;
  sqlite.prepare("insert into contacts (id, phone, name) values (1, '+966501000001', 'Sales customer'), (2, '+966501000002', 'Rentals customer')").run();
  sqlite.prepare('insert into conversations (id, contact_id, whatsapp_number_id, last_message_time) values (1, 1, ?, 1), (2, 2, ?, 2)').run(sales.id, rentals.id);
  const salesMessage = await t.call('messages.send', { conversationId: 1, content: 'hello' }, admin.token);
  return { t, admin, supervisor, owner, helper, outsider, sales, rentals, salesMessage };
}

describe('who works which number', () => {
  it('an agent sees the numbers they own or were given, and their conversations only; admins and supervisors see all', async () => {
    const { t, admin, supervisor, owner, helper, outsider, sales, rentals } = await office();
    const numbers = async (token: string) => (await t.call('numbers.list', {}, token)).map((n) => n.id).sort();
    const conversations = async (token: string) => (await t.call('conversations.list', {}, token)).data.map((c) => c.id).sort();
    expect(await numbers(owner.token)).toEqual([sales.id]);
    expect(await numbers(helper.token)).toEqual([sales.id]);
    expect(await numbers(outsider.token)).toEqual([]);
    expect(await numbers(admin.token)).toEqual([sales.id, rentals.id].sort());
    expect(await numbers(supervisor.token)).toEqual([sales.id, rentals.id].sort());
    expect(await conversations(owner.token)).toEqual([1]);
    expect(await conversations(helper.token)).toEqual([1]);
    expect(await conversations(outsider.token)).toEqual([]);
    expect(await conversations(supervisor.token)).toEqual([1, 2]);
  });

  it('an agent cannot open, answer or retry on a number that is not theirs, and is told why', async () => {
    const { t, owner, outsider, supervisor, salesMessage } = await office();
    for (const [channel, input] of [
      ['conversations.get', { id: 2 }],
      ['messages.list', { conversationId: 2 }],
      ['messages.send', { conversationId: 2, content: 'hi' }],
    ] as const) {
      expect(await t.failure(channel, input, owner.token)).toMatchObject({ code: 'FORBIDDEN', message: 'User does not have access to this WhatsApp number' });
    }
    expect(await t.failure('messages.retry', { id: salesMessage.id }, outsider.token)).toMatchObject({ code: 'FORBIDDEN', message: noNumberAccess });
    expect((await t.call('conversations.get', { id: 1 }, owner.token)).id).toBe(1);
    expect((await t.call('conversations.get', { id: 2 }, supervisor.token)).id).toBe(2);
    // Retrying a message that has not failed is refused for another reason: the agent may touch it.
    expect(await t.failure('messages.retry', { id: salesMessage.id }, owner.token)).toMatchObject({ details: 'not_failed' });
  });

  it('an unknown conversation or message is not found, for anyone', async () => {
    const { t, owner, admin } = await office();
    expect((await t.failure('conversations.get', { id: 999 }, owner.token)).code).toBe('NOT_FOUND');
    expect((await t.failure('messages.retry', { id: 999 }, owner.token)).code).toBe('NOT_FOUND');
    expect((await t.failure('messages.retry', { id: 999 }, admin.token)).code).toBe('NOT_FOUND');
  });

  it('news of a number reaches admins, supervisors, its owner and its agents, and no one else', async () => {
    const { t, admin, supervisor, owner, helper, outsider, sales, rentals } = await office();
    const access = new NumberAccess(t.core.database.sqlite);
    const audience = (numberId: number) => {
      const heard = access.audience(numberId);
      return heard.kind === 'users' ? [...heard.userIds].sort((a, b) => a - b) : heard;
    };
    const ids = (...users: { user: { id: number } }[]) => users.map((u) => u.user.id).sort((a, b) => a - b);
    expect(audience(sales.id)).toEqual(ids(admin, supervisor, owner, helper));
    expect(audience(rentals.id)).toEqual(ids(admin, supervisor));
    t.core.database.sqlite.prepare('update users set is_active = 0 where id = ?').run(helper.user.id);
    expect(audience(sales.id)).toEqual(ids(admin, supervisor, owner));
    expect(audience(sales.id)).not.toContain(outsider.user.id);
  });
});
