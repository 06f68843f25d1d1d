import type { ChannelInput } from '../../../shared/contract';
import type { ConversationStatus } from '../../../shared/domain';
import type { ConversationView } from '../../../shared/inbox/types';
import type { ConversationSort } from '../../../shared/inbox/schemas';
import { phoneDigitsQuery, searchTerms } from '../../../shared/search-text';

export type AssignedFilter = 'me' | 'unassigned' | number | null;
export type SortOrder = 'asc' | 'desc';

/** What the conversation list shows and in which order: seed 003's list query, as the inbox header sets it. */
export interface ConversationFilters {
  numberId: number | null;
  status: ConversationStatus | null;
  /** On: only starred ones. Off: every one (the core's `starred: false` is not offered). */
  starred: boolean;
  /** On: only those with unread messages. */
  unread: boolean;
  /** null: anyone's and nobody's. */
  assignedTo: AssignedFilter;
  /** Off: archived ones hidden; on: only archived ones (the core's meaning). */
  archived: boolean;
  /** The applied search ('' for none); the search box debounces what is typed into it. */
  search: string;
  sortBy: ConversationSort;
  sortOrder: SortOrder;
}

export const defaultFilters: ConversationFilters = {
  numberId: null,
  status: null,
  starred: false,
  unread: false,
  assignedTo: null,
  archived: false,
  search: '',
  sortBy: 'lastMessageTime',
  sortOrder: 'desc',
};

/** Who is looking: "assigned to me" depends on it. */
export interface Viewer {
  userId: number;
}

/** A query the core can search with: some word or enough phone digits (punctuation alone is refused there). */
export function searchableQuery(text: string): string {
  const query = text.trim().slice(0, 100);
  return searchTerms(query).length > 0 || phoneDigitsQuery(query) !== null ? query : '';
}

/** Any filter (or a search) narrowing the list; the sort narrows nothing. */
export function narrowsList(filters: ConversationFilters): boolean {
  return (
    filters.numberId !== null ||
    filters.status !== null ||
    filters.starred ||
    filters.unread ||
    filters.assignedTo !== null ||
    filters.archived ||
    filters.search !== ''
  );
}

/** How many filters are on, search not counted (it shows in its own box). */
export function activeFilterCount(filters: ConversationFilters): number {
  return [filters.numberId !== null, filters.status !== null, filters.starred, filters.unread, filters.assignedTo !== null, filters.archived].filter(Boolean).length;
}

/**
 * Whether a conversation belongs in the list under these filters, as the core's list query
 * decides it (conversation-list.ts). The search is not judged here: only the core knows what
 * matched, so a live row is never added to search results (see placeConversation).
 */
export function matchesFilters(c: ConversationView, filters: ConversationFilters, viewer: Viewer): boolean {
  // The core lists only conversations with at least one message.
  if (c.lastMessageTime === null) return false;
  if (filters.numberId !== null && c.whatsappNumberId !== filters.numberId) return false;
  if (filters.status !== null && c.status !== filters.status) return false;
  if (filters.starred && !c.isStarred) return false;
  if (filters.unread && c.unreadCount === 0) return false;
  if (c.isArchived !== filters.archived) return false;
  const assigned = filters.assignedTo;
  if (assigned === 'me' && c.assignedAgentId !== viewer.userId) return false;
  if (assigned === 'unassigned' && c.assignedAgentId !== null) return false;
  if (typeof assigned === 'number' && c.assignedAgentId !== assigned) return false;
  return true;
}

const timeOf = (c: ConversationView): number => (c.lastMessageTime ? Date.parse(c.lastMessageTime) || 0 : 0);
/** The core sorts names by `coalesce(name, phone, '')` in SQLite's binary order, i.e. by code point. */
const nameOf = (c: ConversationView): string => c.contact.name ?? c.contact.phone ?? '';
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The sort keys of each order, last one the id, exactly as the core pages them. */
const ascending: Record<ConversationSort, (a: ConversationView, b: ConversationView) => number> = {
  lastMessageTime: (a, b) => timeOf(a) - timeOf(b) || a.id - b.id,
  unreadCount: (a, b) => a.unreadCount - b.unreadCount || timeOf(a) - timeOf(b) || a.id - b.id,
  customerName: (a, b) => byCodePoint(nameOf(a), nameOf(b)) || a.id - b.id,
};

/** The list's order under these filters: negative when `a` comes first. */
export function comparatorFor(filters: Pick<ConversationFilters, 'sortBy' | 'sortOrder'>): (a: ConversationView, b: ConversationView) => number {
  const compare = ascending[filters.sortBy];
  return filters.sortOrder === 'asc' ? compare : (a, b) => compare(b, a);
}

/** The core's list input for these filters. */
export function listInput(filters: ConversationFilters, limit: number, cursor?: string | null): ChannelInput<'conversations.list'> {
  return {
    limit,
    sortBy: filters.sortBy,
    sortOrder: filters.sortOrder,
    archived: filters.archived,
    ...(filters.numberId !== null ? { whatsappNumberId: filters.numberId } : {}),
    ...(filters.status !== null ? { status: filters.status } : {}),
    ...(filters.starred ? { starred: true } : {}),
    ...(filters.unread ? { unread: true } : {}),
    ...(filters.assignedTo !== null ? { assignedTo: filters.assignedTo } : {}),
    ...(filters.search !== '' ? { search: filters.search } : {}),
    ...(cursor ? { cursor } : {}),
  };
}
