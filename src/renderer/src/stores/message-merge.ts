import type { MessageStatus } from '../../../shared/domain';
import type { MessageView } from '../../../shared/inbox/types';

/** The delivery chain only moves forward; `failed` sits outside it (a retry takes it back to queued). */
const chain: Partial<Record<MessageStatus, number>> = { queued: 0, sent: 1, delivered: 2, read: 3 };

/**
 * The status to show when a newer report arrives: a late `sent` after `read` (the send's answer
 * and its acks race over the wire) never turns the ticks back.
 */
export function nextStatus(current: MessageStatus, incoming: MessageStatus): MessageStatus {
  const from = chain[current];
  const to = chain[incoming];
  if (from !== undefined && to !== undefined && to < from) return current;
  return incoming;
}

function mergeOne(existing: MessageView, incoming: MessageView): MessageView {
  const status = nextStatus(existing.status, incoming.status);
  if (status === incoming.status) return incoming;
  return { ...incoming, status, error: existing.error, errorCode: existing.errorCode };
}

/** Messages added or updated, kept in id order (oldest first) and each id once. */
export function mergeMessages(list: readonly MessageView[], incoming: readonly MessageView[]): MessageView[] {
  if (incoming.length === 0) return [...list];
  const byId = new Map(list.map((m) => [m.id, m]));
  for (const message of incoming) {
    const existing = byId.get(message.id);
    byId.set(message.id, existing ? mergeOne(existing, message) : message);
  }
  return [...byId.values()].sort((a, b) => a.id - b.id);
}

export interface StatusChange {
  messageId: number;
  status: MessageStatus;
  error: string | null;
  errorCode: MessageView['errorCode'];
}

export function applyStatus(list: readonly MessageView[], change: StatusChange): MessageView[] {
  return list.map((m) => {
    if (m.id !== change.messageId) return m;
    const status = nextStatus(m.status, change.status);
    if (status !== change.status) return m;
    return { ...m, status, error: change.error, errorCode: change.errorCode };
  });
}
