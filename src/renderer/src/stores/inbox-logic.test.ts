import { describe, expect, it } from 'vitest';
import { testConversation } from './test-conversation';
import type { ConversationView, MessageView } from '../../../shared/inbox/types';
import { defaultFilters, type ConversationFilters } from './conversation-filters';
import { appendPage, placeConversation } from './conversation-order';
import { applyStatus, mergeMessages, nextStatus } from './message-merge';

const conversation = testConversation;

function message(id: number, status: MessageView['status']): MessageView {
  return { id, conversationId: 1, content: `m${id}`, type: 'text', sender: 'agent', senderName: null, status, error: null, errorCode: null, mediaStatus: null, attachments: [], createdAt: '2026-03-01T09:00:00Z', meta: {}, quoted: null, reactions: [], editedAt: null, deletedAt: null };
}

const all: ConversationFilters = defaultFilters;
const more = { userId: 1, hasMore: true };
const complete = { userId: 1, hasMore: false };
const ids = (list: ConversationView[]) => list.map((c) => c.id);

describe('the live conversation list', () => {
  it('moves a conversation with a new message to the top', () => {
    const list = [conversation(3, 30), conversation(2, 20), conversation(1, 10)];
    expect(ids(placeConversation(list, conversation(1, 40), all, complete))).toEqual([1, 3, 2]);
  });

  it('inserts a new conversation in its sorted place, ties broken by the higher id', () => {
    const list = [conversation(3, 30), conversation(1, 10)];
    expect(ids(placeConversation(list, conversation(2, 20), all, complete))).toEqual([3, 2, 1]);
    expect(ids(placeConversation(list, conversation(4, 30), all, complete))).toEqual([4, 3, 1]);
  });

  it('drops a conversation that no longer matches the filters', () => {
    const list = [conversation(2, 20), conversation(1, 10)];
    const resolved = conversation(2, 25, { status: 'resolved' });
    expect(ids(placeConversation(list, resolved, { ...all, status: 'active' }, complete))).toEqual([1]);
    expect(ids(placeConversation(list, conversation(5, 50, { whatsappNumberId: 9 }), { ...all, numberId: 1 }, complete))).toEqual([2, 1]);
  });

  it('leaves a row that sorts past the loaded page for the next page to bring', () => {
    const list = [conversation(3, 30), conversation(2, 20)];
    expect(ids(placeConversation(list, conversation(1, 5), all, more))).toEqual([3, 2]);
    expect(ids(placeConversation(list, conversation(1, 5), all, complete))).toEqual([3, 2, 1]);
  });

  it('does not repeat a row that a live update already showed when the next page comes', () => {
    expect(ids(appendPage([conversation(3, 30), conversation(2, 20)], [conversation(2, 20), conversation(1, 10)]))).toEqual([3, 2, 1]);
  });
});

describe('message ticks', () => {
  it('never go backwards along queued → sent → delivered → read', () => {
    expect(nextStatus('read', 'delivered')).toBe('read');
    expect(nextStatus('sent', 'queued')).toBe('sent');
    expect(nextStatus('sent', 'read')).toBe('read');
  });

  it('let a failed message be queued again by a retry, and a queued one fail', () => {
    expect(nextStatus('failed', 'queued')).toBe('queued');
    expect(nextStatus('queued', 'failed')).toBe('failed');
  });

  it('keep the furthest status when the send answer arrives after its ack', () => {
    const list = applyStatus([message(1, 'queued')], { messageId: 1, status: 'sent', error: null, errorCode: null });
    expect(mergeMessages(list, [message(1, 'queued')])[0]!.status).toBe('sent');
  });

  it('keep each message once and in order', () => {
    const merged = mergeMessages([message(2, 'sent'), message(5, 'sent')], [message(3, 'queued'), message(5, 'read'), message(1, 'read')]);
    expect(merged.map((m) => [m.id, m.status])).toEqual([
      [1, 'read'],
      [2, 'sent'],
      [3, 'queued'],
      [5, 'read'],
    ]);
  });
});
