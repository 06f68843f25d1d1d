import { afterEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../base/clock';
import { Ingest } from '../../ingest/ingest';
import { startTestCore } from '../../testing/test-core';

let t: ReturnType<typeof startTestCore>;
afterEach(async () => {
  await t?.close();
});

let seq = 0;
function customerWrites(numberId: number, phoneDigits: string, body: string) {
  seq++;
  const result = new Ingest(t.core.database.sqlite, systemClock).ingest(numberId, {
    providerId: `false_${phoneDigits}@c.us_U${seq}`,
    chatId: `${phoneDigits}@c.us`,
    fromMe: false,
    chatKind: 'user',
    customerPhone: phoneDigits,
    customerLid: null,
    profileName: null,
    body,
    type: 'chat',
    hasMedia: false,
    timestamp: Date.now() + seq,
  });
  if (result.kind !== 'stored') throw new Error(`not stored: ${result.kind}`);
  return result.conversationId;
}

describe('the unread count in the title and the menu', () => {
  it('counts conversations waiting to be read and their messages, without archived ones or numbers an agent does not work', async () => {
    t = startTestCore();
    const admin = await t.setupAdmin();
    const sales = await t.call('numbers.create', { name: 'Sales' }, admin.token);
    const rentals = await t.call('numbers.create', { name: 'Rentals' }, admin.token);
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    await t.call('numbers.setAgents', { id: sales.id, agentIds: [agent.user.id] }, admin.token);
    expect(await t.call('conversations.unread', {}, admin.token)).toEqual({ conversations: 0, messages: 0 });

    const sara = customerWrites(sales.id, '966501112233', 'السلام عليكم');
    customerWrites(sales.id, '966501112233', 'أبغى شقة في الملقا');
    customerWrites(rentals.id, '966504445566', 'Is the villa free?');
    const archived = customerWrites(sales.id, '966507778899', 'شكراً');
    await t.call('conversations.update', { id: archived, isArchived: true }, admin.token);

    expect(await t.call('conversations.unread', {}, admin.token)).toEqual({ conversations: 2, messages: 3 });
    expect(await t.call('conversations.unread', {}, agent.token)).toEqual({ conversations: 1, messages: 2 });
    await t.call('conversations.markRead', { id: sara }, agent.token);
    expect(await t.call('conversations.unread', {}, agent.token)).toEqual({ conversations: 0, messages: 0 });
  });
});
