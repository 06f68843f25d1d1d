import { create } from 'zustand';
import type { ChannelInput } from '../../../shared/contract';
import type { ApiError } from '../../../shared/errors';
import type { ConversationPage, ConversationView } from '../../../shared/inbox-types';
import { call, toApiError } from '../api/client';
import { appendPage, placeConversation, type ConversationFilters } from './conversation-order';

const pageSize = 50;

interface ConversationsState {
  filters: ConversationFilters;
  /** null until the first page of the current filters answers. */
  items: ConversationView[] | null;
  next: ConversationPage['meta']['next'];
  loadingMore: boolean;
  error: ApiError | null;
  setFilters(filters: Partial<ConversationFilters>): void;
  reload(): Promise<void>;
  loadMore(): Promise<void>;
  /** A conversation as a `conversation.update` event or a call brought it. */
  place(conversation: ConversationView): void;
}

let latest = 0;

function listInput(filters: ConversationFilters, cursor?: ConversationPage['meta']['next']): ChannelInput<'conversations.list'> {
  return {
    limit: pageSize,
    ...(filters.numberId !== null ? { whatsappNumberId: filters.numberId } : {}),
    ...(filters.status !== null ? { status: filters.status } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

export const useConversationsStore = create<ConversationsState>()((set, get) => ({
  filters: { numberId: null, status: null },
  items: null,
  next: null,
  loadingMore: false,
  error: null,

  setFilters: (filters) => {
    set({ filters: { ...get().filters, ...filters }, items: null, next: null });
    void get().reload();
  },

  reload: async () => {
    const ticket = ++latest;
    set({ loadingMore: false });
    try {
      const page = await call('conversations.list', listInput(get().filters));
      if (ticket === latest) set({ items: page.data, next: page.meta.next, error: null });
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
      const page = await call('conversations.list', listInput(filters, next));
      if (ticket !== latest) return;
      set({ items: appendPage(get().items ?? [], page.data), next: page.meta.next, loadingMore: false, error: null });
    } catch (error) {
      if (ticket === latest) set({ loadingMore: false, error: toApiError(error) });
    }
  },

  place: (conversation) => {
    const { items, filters, next } = get();
    if (!items) return;
    set({ items: placeConversation(items, conversation, filters, next !== null) });
  },
}));
