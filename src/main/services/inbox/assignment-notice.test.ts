import { afterEach, describe, expect, it } from 'vitest';
import type { MessageView } from '../../../shared/inbox/types';
import { systemClock } from '../../base/clock';
import { Ingest } from '../../ingest/ingest';
import { startTestCore } from '../../testing/test-core';

let t: ReturnType<typeof startTestCore>;
afterEach(async () => {
  await t?.close();
});

/** A customer writes in through the real ingest. */
function customerWrites(numberId: number, body: string): number {
  const result = new Ingest(t.core.database.sqlite, systemClock).ingest(numberId, {
    providerId: 'false_966501000031@c.us_M1',
    chatId: '966501000031@c.us',
    fromMe: false,
    chatKind: 'user',
    customerPhone: '966501000031',
    customerLid: null,
    profileName: 'أبو فهد',
    body,
    type: 'chat',
    hasMedia: false,
    timestamp: Date.now(),
  });
  if (result.kind !== 'stored') throw new Error(`not stored: ${result.kind}`);
  return result.conversationId;
}

describe('assignment in the thread', () => {
  it('assigning, transferring and unassigning each leave a system line naming who, with no unread count, no WhatsApp send and no quota used', async () => {
    t = startTestCore();
    const admin = await t.setupAdmin();
    const sales = await t.call('numbers.create', { name: 'Sales' }, admin.token);
    const ahmed = await t.createUser(admin.token, 'agent', 'ahmed@office.test');
    const sara = await t.createUser(admin.token, 'agent', 'sara@office.test');
    await t.call('numbers.setAgents', { id: sales.id, agentIds: [ahmed.user.id, sara.user.id] }, admin.token);
    const id = customerWrites(sales.id, 'السلام عليكم');
    await t.call('conversations.markRead', { id }, admin.token);

    await t.call('conversations.assign', { id, agentId: ahmed.user.id }, admin.token);
    await t.call('conversations.assign', { id, agentId: sara.user.id }, ahmed.token);
    await t.call('conversations.assign', { id, agentId: null }, sara.token);
    // The same assignment again changes nothing and says nothing.
    await t.call('conversations.assign', { id, agentId: null }, admin.token);

    const lines = (await t.call('messages.list', { conversationId: id }, admin.token)).filter((m) => m.sender === 'system');
    const adminName = admin.user.name;
    expect(lines.map((m) => m.meta.notice)).toEqual([
      { type: 'assigned', to: ahmed.user.name, by: adminName },
      { type: 'transferred', from: ahmed.user.name, to: sara.user.name, by: ahmed.user.name },
      { type: 'unassigned', from: sara.user.name, by: sara.user.name },
    ]);
    expect(lines.every((m) => m.type === 'notice' && m.status !== 'queued')).toBe(true);

    const conversation = await t.call('conversations.get', { id }, admin.token);
    expect(conversation.unreadCount).toBe(0);
    // The customer's message is still the conversation's preview: a system line is nobody's message.
    expect(conversation.lastMessage).toBe('السلام عليكم');
    const number = (await t.call('numbers.list', {}, admin.token)).find((n) => n.id === sales.id)!;
    expect(number.quotaUsed).toBe(0);
    // Nothing waits to go to WhatsApp.
    const queued = t.core.database.sqlite.prepare("select count(*) as n from messages where status = 'queued'").get() as { n: number };
    expect(queued.n).toBe(0);

    // Each line reached the open windows live, as a new message of this conversation.
    const shown = t.events.filter((e) => e.event === 'message.new').map((e) => (e.data as { conversationId: number; message: MessageView }));
    expect(shown.filter((e) => e.message.sender === 'system').map((e) => [e.conversationId, e.message.meta.notice?.type])).toEqual([
      [id, 'assigned'],
      [id, 'transferred'],
      [id, 'unassigned'],
    ]);
  });
});
