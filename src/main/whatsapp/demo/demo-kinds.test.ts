import { afterEach, describe, expect, it } from 'vitest';
import type { MessageView } from '../../../shared/inbox/types';
import { linkedNumber, trackedCores } from '../../testing/demo-core';
import { systemClock } from '../../base/clock';
import { Ingest } from '../../ingest/ingest';
import { eventually } from '../../testing/test-core';
import { demoKindContent } from './demo-kinds';

const cores = trackedCores(afterEach);
const customer = '966501234567';

describe('demo mode: a customer sends every kind of WhatsApp message', () => {
  it('places, contact cards, replies both ways, edits, deletions, reactions and missed calls arrive through the real transport as what they are', async () => {
    const t = cores.startDemo();
    const { admin, phoneWid } = await linkedNumber(t);
    t.world.deliverInbound(phoneWid, { from: customer, body: 'كم سعر الشقة في النرجس؟', profileName: 'أبو فهد' });
    t.world.deliverInbound(phoneWid, { from: customer, body: 'وهل فيها موقف؟', profileName: 'أبو فهد' });
    const conversationId = await eventually(async () => {
      const list = await t.call('conversations.list', {}, admin.token);
      expect(list.data).toHaveLength(1);
      return list.data[0]!.id;
    });
    const thread = async (check: (messages: MessageView[]) => void) =>
      eventually(async () => {
        const messages = await t.call('messages.list', { conversationId }, admin.token);
        check(messages);
        return messages;
      });
    await thread((m) => expect(m).toHaveLength(2));
    const unreadBefore = (await t.call('conversations.get', { id: conversationId }, admin.token)).unreadCount;
    const sends = (kind: Parameters<typeof t.call<'demo.customerSends'>>[1]['kind']) => t.call('demo.customerSends', { conversationId, kind }, admin.token);

    // Nothing of ours to react to yet: refused, with the demo's reason.
    expect((await t.failure('demo.customerSends', { conversationId, kind: 'reaction' }, admin.token)).details).toBe('demo_nothing_to_act');

    await sends('location');
    await sends('contact');
    await sends('reply');
    await sends('call');
    let messages = await thread((m) => expect(m).toHaveLength(6));
    const [first, second, place, card, reply, call] = messages;
    expect(place).toMatchObject({ type: 'location', meta: { location: { latitude: demoKindContent.location.lat, longitude: demoKindContent.location.lng, name: demoKindContent.location.name } } });
    expect(card).toMatchObject({ type: 'contacts', meta: { contacts: [{ name: demoKindContent.contact.name, phones: [`+${demoKindContent.contact.waid}`] }] } });
    expect(reply!.quoted).toEqual({ id: first!.id, content: first!.content, type: 'text', fromMe: false, deleted: false });
    expect(call).toMatchObject({ type: 'call', sender: 'system', meta: { call: { missed: true, video: false } } });
    // The call is a system line: it does not count as unread.
    const unreadAfter = (await t.call('conversations.get', { id: conversationId }, admin.token)).unreadCount;
    expect(unreadAfter).toBe(unreadBefore + 3);

    // The agent answers quoting the customer; the customer reacts to it and replies quoting it.
    const answer = await t.call('messages.send', { conversationId, content: 'نعم، موقفان', replyToId: second!.id }, admin.token);
    await eventually(() => expect(t.world.sentMessages(phoneWid).at(-1)?._data?.quotedStanzaID).toBeTruthy());
    await thread((m) => expect(m.find((x) => x.id === answer.id)?.status).not.toBe('queued'));
    await sends('reaction');
    await sends('replyToAgent');
    await sends('edit');
    await sends('revoke');
    messages = await thread((m) => {
      expect(m.find((x) => x.id === answer.id)?.reactions).toEqual([{ emoji: demoKindContent.reaction, count: 1 }]);
      expect(m.find((x) => x.id === second!.id)?.editedAt).not.toBeNull();
      expect(m.find((x) => x.id === first!.id)?.deletedAt).not.toBeNull();
      expect(m).toHaveLength(8);
    });
    expect(messages.find((x) => x.id === answer.id)!.quoted?.id).toBe(second!.id);
    expect(messages.find((x) => x.content === demoKindContent.replyToAgent.ar)!.quoted).toMatchObject({ id: answer.id, fromMe: true });
    expect(messages.find((x) => x.id === second!.id)!.content).toBe(`وهل فيها موقف؟${demoKindContent.edit.ar}`);
    expect(await t.call('messages.versions', { id: second!.id }, admin.token)).toEqual([{ content: 'وهل فيها موقف؟', replacedAt: expect.any(String) }]);
    // A reaction is never a bubble of its own.
    expect(messages.filter((x) => x.content === demoKindContent.reaction)).toHaveLength(0);
  });

  it('acts on history only the office database has (the demo office\'s seeded conversations): the customer edits and replies to it', async () => {
    const t = cores.startDemo();
    const { admin, number } = await linkedNumber(t);
    const chatId = `${customer}@c.us`;
    const stored = new Ingest(t.core.database.sqlite, systemClock).ingest(number.id, {
      providerId: `false_${chatId}_3A00000000000000SEED`, chatId, fromMe: false, chatKind: 'user', customerPhone: customer, customerLid: null,
      profileName: 'ماجد', body: 'فيها مصعد وموقف خاص؟', type: 'chat', hasMedia: false, timestamp: Date.now() - 60_000,
    });
    if (stored.kind !== 'stored') throw new Error(stored.kind);
    await t.call('demo.customerSends', { conversationId: stored.conversationId, kind: 'edit' }, admin.token);
    await t.call('demo.customerSends', { conversationId: stored.conversationId, kind: 'reply' }, admin.token);
    const messages = await eventually(async () => {
      const list = await t.call('messages.list', { conversationId: stored.conversationId }, admin.token);
      expect(list).toHaveLength(2);
      expect(list[0]!.editedAt).not.toBeNull();
      return list;
    });
    expect(messages[0]!.content).toBe(`فيها مصعد وموقف خاص؟${demoKindContent.edit.ar}`);
    expect(messages[1]!.quoted?.id).toBe(stored.messageId);
  });
});
