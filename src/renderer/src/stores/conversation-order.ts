import type { ConversationView } from '../../../shared/inbox/types';
import { comparatorFor, matchesFilters, type ConversationFilters, type Viewer } from './conversation-filters';

export interface PlaceContext extends Viewer {
  /** More pages remain below the loaded rows. */
  hasMore: boolean;
  /** The conversation open in the thread, if any. */
  openId?: number | null;
}

/**
 * A changed or new conversation put where it now belongs. It leaves the list when it no longer
 * matches the filters; one that sorts past the last loaded row while more pages remain is left
 * for that page to bring, so a row never shows twice or out of order. With a search on, only a
 * row already in the results is updated (keeping its match): only the core knows whether a
 * new one matches. Opening a conversation marks it read: under "unread" the open one stays
 * listed until the filters change, rather than vanishing from under the pointer.
 */
export function placeConversation(
  list: readonly ConversationView[],
  changed: ConversationView,
  filters: ConversationFilters,
  context: PlaceContext,
): ConversationView[] {
  const index = list.findIndex((c) => c.id === changed.id);
  const previous = index >= 0 ? list[index] : undefined;
  const rest = previous ? list.filter((c) => c.id !== changed.id) : [...list];
  const keepOpen = previous !== undefined && changed.id === context.openId && filters.unread;
  if (!matchesFilters(changed, keepOpen ? { ...filters, unread: false } : filters, context)) return rest;
  let row = changed;
  if (filters.search !== '') {
    if (!previous) return rest;
    // Events carry no match: the one the search found stays shown.
    if (previous.match !== undefined && changed.match === undefined) row = { ...changed, match: previous.match };
  }
  const compare = comparatorFor(filters);
  const last = rest[rest.length - 1];
  if (context.hasMore && last && compare(row, last) > 0) return rest;
  let low = 0;
  let high = rest.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (compare(rest[mid]!, row) < 0) low = mid + 1;
    else high = mid;
  }
  return [...rest.slice(0, low), row, ...rest.slice(low)];
}

/** A next page added below; rows already shown (moved by a live update meanwhile) are not repeated. */
export function appendPage(list: readonly ConversationView[], page: readonly ConversationView[]): ConversationView[] {
  const shown = new Set(list.map((c) => c.id));
  return [...list, ...page.filter((c) => !shown.has(c.id))];
}
