import { describe, expect, it } from 'vitest';
import type { MessageView } from '../../../shared/inbox/types';
import { pendingFor, type PendingAnswer } from './pending-answers';

const answer = (clientId: string, userId: number, conversationId: number): PendingAnswer => ({
  clientId,
  userId,
  conversationId,
  content: clientId,
  createdAt: '2026-12-03T09:00:00Z',
  refusal: null,
});

const stored = (id: number, clientId?: string): MessageView => ({
  id,
  conversationId: 1,
  content: 'x',
  type: 'text',
  sender: 'agent',
  senderName: null,
  status: 'queued',
  error: null,
  errorCode: null,
  mediaStatus: null,
  attachments: [],
  meta: {},
  quoted: null,
  reactions: [],
  editedAt: null,
  deletedAt: null,
  createdAt: '2026-12-03T09:00:00Z',
  ...(clientId ? { clientId } : {}),
});

describe('answers waiting for the desk in a thread', () => {
  it('shows this user\'s answers for this conversation, in the order they were sent, until the desk has stored them', () => {
    const answers = [answer('a', 1, 1), answer('b', 2, 1), answer('c', 1, 2), answer('d', 1, 1)];
    expect(pendingFor(answers, 1, 1, [stored(5)]).map((a) => a.clientId)).toEqual(['a', 'd']);
    // The stored message arrived (an event or a catch-up) before the send's answer: shown once.
    expect(pendingFor(answers, 1, 1, [stored(5), stored(6, 'a')]).map((a) => a.clientId)).toEqual(['d']);
    expect(pendingFor(answers, undefined, 1, null)).toEqual([]);
  });
});
