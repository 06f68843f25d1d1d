import { describe, expect, it } from 'vitest';
import { testConversation } from './test-conversation';
import type { ConversationView } from '../../../shared/inbox/types';
import {
  activeFilterCount,
  comparatorFor,
  defaultFilters,
  listInput,
  matchesFilters,
  narrowsList,
  searchableQuery,
  type ConversationFilters,
} from './conversation-filters';
import { placeConversation } from './conversation-order';

const me = { userId: 7 };

const conversation = testConversation;

const filters = (changes: Partial<ConversationFilters>): ConversationFilters => ({ ...defaultFilters, ...changes });
const ids = (list: ConversationView[]) => list.map((c) => c.id);

describe('matchesFilters: the live row predicate', () => {
  it('lets every unarchived conversation with a message through with no filter on', () => {
    expect(matchesFilters(conversation(1, 1), defaultFilters, me)).toBe(true);
    expect(matchesFilters(conversation(1, 1, { lastMessageTime: null }), defaultFilters, me)).toBe(false);
  });

  it('hides archived conversations, and shows only them when the archive is on', () => {
    const archived = conversation(1, 1, { isArchived: true });
    expect(matchesFilters(archived, defaultFilters, me)).toBe(false);
    expect(matchesFilters(archived, filters({ archived: true }), me)).toBe(true);
    expect(matchesFilters(conversation(2, 1), filters({ archived: true }), me)).toBe(false);
  });

  it('checks number, status, starred and unread', () => {
    const c = conversation(1, 1, { whatsappNumberId: 2, status: 'pending', isStarred: true, unreadCount: 3 });
    expect(matchesFilters(c, filters({ numberId: 2, status: 'pending', starred: true, unread: true }), me)).toBe(true);
    expect(matchesFilters(c, filters({ numberId: 1 }), me)).toBe(false);
    expect(matchesFilters(c, filters({ status: 'resolved' }), me)).toBe(false);
    expect(matchesFilters(conversation(2, 1), filters({ starred: true }), me)).toBe(false);
    expect(matchesFilters(conversation(2, 1), filters({ unread: true }), me)).toBe(false);
  });

  it('reads "assigned to me" as the viewer, "unassigned" as nobody, a number as that agent', () => {
    const mine = conversation(1, 1, { assignedAgentId: 7, assignedAgentName: 'Me' });
    const theirs = conversation(2, 1, { assignedAgentId: 8, assignedAgentName: 'Other' });
    const nobodys = conversation(3, 1);
    const pick = (assignedTo: ConversationFilters['assignedTo']) => [mine, theirs, nobodys].filter((c) => matchesFilters(c, filters({ assignedTo }), me)).map((c) => c.id);
    expect(pick('me')).toEqual([1]);
    expect(pick('unassigned')).toEqual([3]);
    expect(pick(8)).toEqual([2]);
    expect(pick(null)).toEqual([1, 2, 3]);
  });

  it('needs every filter that is on to match (they combine)', () => {
    const c = conversation(1, 1, { isStarred: true, unreadCount: 0, assignedAgentId: 7 });
    expect(matchesFilters(c, filters({ starred: true, assignedTo: 'me' }), me)).toBe(true);
    expect(matchesFilters(c, filters({ starred: true, unread: true, assignedTo: 'me' }), me)).toBe(false);
  });
});

describe('placing live rows', () => {
  const context = { ...me, hasMore: false };

  it('drops a row that stops matching (unstarred under "starred", assigned away under "me")', () => {
    const list = [conversation(2, 20, { isStarred: true }), conversation(1, 10, { isStarred: true })];
    expect(ids(placeConversation(list, conversation(2, 25), filters({ starred: true }), context))).toEqual([1]);
    const mine = [conversation(1, 10, { assignedAgentId: 7 })];
    expect(ids(placeConversation(mine, conversation(1, 11, { assignedAgentId: 8 }), filters({ assignedTo: 'me' }), context))).toEqual([]);
  });

  it('adds a row that starts matching when no search is on', () => {
    const list = [conversation(2, 20, { unreadCount: 1 })];
    expect(ids(placeConversation(list, conversation(1, 30, { unreadCount: 2 }), filters({ unread: true }), context))).toEqual([1, 2]);
  });

  it('with a search on, never adds a row the core did not find, but updates and keeps the match of one it did', () => {
    const match = { messageId: 40, content: 'شقة في النرجس' };
    const list = [conversation(2, 20, { match }), conversation(1, 10, { match: null })];
    const searching = filters({ search: 'النرجس' });
    expect(ids(placeConversation(list, conversation(3, 50), searching, context))).toEqual([2, 1]);
    const moved = placeConversation(list, conversation(1, 60, { lastMessage: 'new' }), searching, context);
    expect(ids(moved)).toEqual([1, 2]);
    expect(moved[0]!.lastMessage).toBe('new');
    expect(moved[0]!.match).toBeNull();
    expect(placeConversation(list, conversation(2, 70), searching, context)[0]!.match).toEqual(match);
    // Still leaves when it stops matching the other filters.
    expect(ids(placeConversation(list, conversation(2, 70, { isArchived: true }), searching, context))).toEqual([1]);
  });

  it('keeps the open conversation under "unread" once opening it marked it read, but not a closed one', () => {
    const list = [conversation(2, 20, { unreadCount: 1 }), conversation(1, 10, { unreadCount: 3 })];
    const unread = filters({ unread: true });
    expect(ids(placeConversation(list, conversation(1, 10), unread, { ...context, openId: 1 }))).toEqual([2, 1]);
    expect(ids(placeConversation(list, conversation(1, 10), unread, { ...context, openId: 2 }))).toEqual([2]);
    // Archiving the open one still takes it out.
    expect(ids(placeConversation(list, conversation(1, 10, { isArchived: true }), unread, { ...context, openId: 1 }))).toEqual([2]);
  });

  it('places by the chosen sort and direction, as the core orders pages', () => {
    const list = [conversation(1, 10, { unreadCount: 5 }), conversation(2, 30, { unreadCount: 1 }), conversation(3, 20, { unreadCount: 0 })];
    const byUnread = filters({ sortBy: 'unreadCount' });
    expect(ids(placeConversation(list, conversation(4, 5, { unreadCount: 2 }), byUnread, context))).toEqual([1, 4, 2, 3]);
    const oldestFirst = filters({ sortOrder: 'asc' });
    const ordered = [conversation(1, 10), conversation(3, 20), conversation(2, 30)];
    expect(ids(placeConversation(ordered, conversation(1, 40), oldestFirst, context))).toEqual([3, 2, 1]);
    // Ascending, a row past the loaded end waits for its page.
    expect(ids(placeConversation(ordered, conversation(9, 50), oldestFirst, { ...context, hasMore: true }))).toEqual([1, 3, 2]);
  });

  it('sorts names by code point with the phone standing in for a missing name, ties by id', () => {
    const compare = comparatorFor({ sortBy: 'customerName', sortOrder: 'asc' });
    const named = (id: number, name: string | null, phone: string | null = null) => conversation(id, 1, { contact: { id, name, phone } });
    const sorted = [named(1, 'ماجد'), named(2, 'Dana'), named(3, null, '+966500000001'), named(4, 'Dana'), named(5, 'أم فيصل')].sort(compare);
    expect(ids(sorted)).toEqual([3, 2, 4, 5, 1]);
  });
});

describe('the list query', () => {
  it('sends only the filters that are on, the sort always', () => {
    expect(listInput(defaultFilters, 50)).toEqual({ limit: 50, sortBy: 'lastMessageTime', sortOrder: 'desc', archived: false });
    expect(listInput(filters({ numberId: 3, status: 'pending', starred: true, unread: true, assignedTo: 'unassigned', archived: true, search: 'فيلا' }), 20, 'abc')).toEqual({
      limit: 20,
      sortBy: 'lastMessageTime',
      sortOrder: 'desc',
      archived: true,
      whatsappNumberId: 3,
      status: 'pending',
      starred: true,
      unread: true,
      assignedTo: 'unassigned',
      search: 'فيلا',
      cursor: 'abc',
    });
  });

  it('searches only for something the core can search: words or enough phone digits', () => {
    expect(searchableQuery('  اعاين ')).toBe('اعاين');
    expect(searchableQuery('+966 5')).toBe('+966 5');
    expect(searchableQuery('+ - ؟')).toBe('');
    expect(searchableQuery('')).toBe('');
  });

  it('counts the filters that narrow the list', () => {
    expect(narrowsList(defaultFilters)).toBe(false);
    expect(narrowsList(filters({ sortBy: 'customerName' }))).toBe(false);
    expect(narrowsList(filters({ search: 'x' }))).toBe(true);
    expect(activeFilterCount(filters({ unread: true, starred: true, search: 'x' }))).toBe(2);
  });
});
