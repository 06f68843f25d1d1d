import type { ConversationStatus } from '../../../shared/domain';
import type { ConversationView } from '../../../shared/inbox-types';

export interface ConversationFilters {
  numberId: number | null;
  status: ConversationStatus | null;
}

const timeOf = (c: ConversationView): number => (c.lastMessageTime ? Date.parse(c.lastMessageTime) || 0 : 0);

/** The list's order, as the core pages it: newest message first, then the higher id. */
export function compareConversations(a: ConversationView, b: ConversationView): number {
  return timeOf(b) - timeOf(a) || b.id - a.id;
}

export function matchesFilters(c: ConversationView, filters: ConversationFilters): boolean {
  if (filters.numberId !== null && c.whatsappNumberId !== filters.numberId) return false;
  if (filters.status !== null && c.status !== filters.status) return false;
  return true;
}

/**
 * A changed or new conversation put where it now belongs. It leaves the list when it no longer
 * matches the filters; one that sorts past the last loaded row while more pages remain is left
 * for that page to bring, so a row never shows twice or out of order.
 */
export function placeConversation(
  list: readonly ConversationView[],
  changed: ConversationView,
  filters: ConversationFilters,
  hasMore: boolean,
): ConversationView[] {
  const rest = list.filter((c) => c.id !== changed.id);
  if (!matchesFilters(changed, filters)) return rest;
  const last = rest[rest.length - 1];
  if (hasMore && last && compareConversations(changed, last) > 0) return rest;
  let low = 0;
  let high = rest.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compareConversations(rest[mid]!, changed) < 0) low = mid + 1;
    else high = mid;
  }
  return [...rest.slice(0, low), changed, ...rest.slice(low)];
}

/** A next page added below; rows already shown (moved by a live update meanwhile) are not repeated. */
export function appendPage(list: readonly ConversationView[], page: readonly ConversationView[]): ConversationView[] {
  const shown = new Set(list.map((c) => c.id));
  return [...list, ...page.filter((c) => !shown.has(c.id))];
}
