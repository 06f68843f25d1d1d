import { create } from 'zustand';
import type { ApiError } from '../../../shared/errors';
import type { ConversationPage, ConversationView } from '../../../shared/inbox/types';
import { call, toApiError } from '../api/client';
import { defaultFilters, listInput, type ConversationFilters } from './conversation-filters';
import { appendPage, placeConversation } from './conversation-order';
import { useSessionStore } from './session-store';
import { useThreadStore } from './thread-store';

const pageSize = 50;

interface ConversationsState {
  filters: ConversationFilters;
  /** null until the first page of the current filters answers. */
  items: ConversationView[] | null;
  next: ConversationPage['meta']['next'];
  /** With a search outside the archive: how many archived conversations match too. */
  archivedMatches: number;
  loadingMore: boolean;
  error: ApiError | null;
  /** Changes filters, search or sort and reads the first page again (nothing when nothing changed). */
  setFilters(filters: Partial<ConversationFilters>): void;
  /** Back to every conversation, newest first. */
  clearFilters(): void;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  /** A conversation as a `conversation.update` event or a call brought it. */
  place(conversation: ConversationView): void;
}

let latest = 0;

const sameFilters = (a: ConversationFilters, b: ConversationFilters): boolean =>
  (Object.keys(a) as (keyof ConversationFilters)[]).every((key) => a[key] === b[key]);

export const useConversationsStore = create<ConversationsState>()((set, get) => ({
  filters: defaultFilters,
  items: null,
  next: null,
  archivedMatches: 0,
  loadingMore: false,
  error: null,

  setFilters: (changes) => {
    const filters = { ...get().filters, ...changes };
    if (sameFilters(filters, get().filters)) return;
    set({ filters, items: null, next: null, archivedMatches: 0 });
    void get().reload();
  },

  clearFilters: () => get().setFilters(defaultFilters),

  reload: async () => {
    const ticket = ++latest;
    set({ loadingMore: false });
    try {
      const page = await call('conversations.list', listInput(get().filters, pageSize));
      if (ticket === latest) set({ items: page.data, next: page.meta.next, archivedMatches: page.meta.archivedMatches ?? 0, error: null });
    } catch (error) {
      if (ticket === latest) set({ error: toApiError(error), items: get().items ?? [] });
    }
  },

  loadMore: async () => {
    const { next, loadingMore, items, filters } = get();
    if (!next || loadingMore || !items) return;
    const ticket = latest;
    set({ loadingMore: true });
    try {
      const page = await call('conversations.list', listInput(filters, pageSize, next));
      if (ticket !== latest) return;
      set({ items: appendPage(get().items ?? [], page.data), next: page.meta.next, loadingMore: false, error: null });
    } catch (error) {
      if (ticket === latest) set({ loadingMore: false, error: toApiError(error) });
    }
  },

  place: (conversation) => {
    const { items, filters, next } = get();
    const userId = useSessionStore.getState().user?.id;
    if (!items || userId === undefined) return;
    const openId = useThreadStore.getState().conversation?.id ?? null;
    // A search result archived now leaves the list and joins the archived matches the hint counts.
    const archivedFromResults = filters.search !== '' && !filters.archived && conversation.isArchived && items.some((c) => c.id === conversation.id && !c.isArchived);
    set({
      items: placeConversation(items, conversation, filters, { userId, hasMore: next !== null, openId }),
      ...(archivedFromResults ? { archivedMatches: get().archivedMatches + 1 } : {}),
    });
  },
}));

/** The loaded conversation `step` rows after (1) or before (-1) this one; the first when none is given. */
export function neighbourConversation(id: number | null, step: 1 | -1): ConversationView | undefined {
  const items = useConversationsStore.getState().items ?? [];
  if (id === null) return step === 1 ? items[0] : items[items.length - 1];
  const index = items.findIndex((c) => c.id === id);
  if (index < 0) return items[0];
  return items[index + step];
}
