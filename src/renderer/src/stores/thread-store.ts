import { create } from 'zustand';
import type { ApiError } from '../../../shared/errors';
import type { ConversationView, MessageView } from '../../../shared/inbox/types';
import { call, toApiError } from '../api/client';
import { applyStatus, mergeMessages, type StatusChange } from './message-merge';

const pageSize = 50;
/**
 * Scrolling back loads bigger pages: fewer calls against the host's 100 reads a minute, and the
 * windowed thread mounts only what is in view whatever the page size.
 */
const olderPageSize = 200;

interface ThreadState {
  /** The open conversation, kept fresh by events; null when none is open. */
  conversation: ConversationView | null;
  /** Oldest first; null while the first page loads. */
  messages: MessageView[] | null;
  hasOlder: boolean;
  loadingOlder: boolean;
  error: ApiError | null;
  open(conversation: ConversationView): void;
  close(): void;
  reload(): Promise<void>;
  /** After a dropped connection: every message stored since the newest one shown, then the newest page again (for statuses). */
  catchUp(): Promise<void>;
  loadOlder(): Promise<void>;
  /** The open conversation changed (an event, or markRead's answer). */
  updateConversation(conversation: ConversationView): void;
  /** Messages from a call or a `message.new` event; ignored unless they belong to the open conversation. */
  addMessages(conversationId: number, messages: readonly MessageView[]): void;
  applyStatus(conversationId: number, change: StatusChange): void;
}

let latest = 0;

export const useThreadStore = create<ThreadState>()((set, get) => ({
  conversation: null,
  messages: null,
  hasOlder: false,
  loadingOlder: false,
  error: null,

  open: (conversation) => {
    if (get().conversation?.id === conversation.id) {
      set({ conversation });
      return;
    }
    set({ conversation, messages: null, hasOlder: false, loadingOlder: false, error: null });
    void get().reload();
  },

  close: () => {
    latest += 1;
    set({ conversation: null, messages: null, hasOlder: false, loadingOlder: false, error: null });
  },

  reload: async () => {
    const conversation = get().conversation;
    if (!conversation) return;
    const ticket = ++latest;
    try {
      const page = await call('messages.list', { conversationId: conversation.id, limit: pageSize });
      if (ticket !== latest) return;
      // Messages that arrived by event while the page loaded are kept.
      set({ messages: mergeMessages(get().messages ?? [], page), hasOlder: page.length === pageSize, error: null });
    } catch (error) {
      if (ticket === latest) set({ error: toApiError(error), messages: get().messages ?? [] });
    }
  },

  catchUp: async () => {
    const conversation = get().conversation;
    const shown = get().messages;
    if (!conversation || !shown || shown.length === 0) return get().reload();
    const ticket = latest;
    let afterId = Math.max(...shown.map((m) => m.id));
    try {
      for (;;) {
        const page = await call('messages.list', { conversationId: conversation.id, afterId, limit: 200 });
        if (ticket !== latest) return;
        set({ messages: mergeMessages(get().messages ?? [], page) });
        if (page.length < 200) break;
        afterId = page[page.length - 1]!.id;
      }
    } catch (error) {
      if (ticket === latest) set({ error: toApiError(error) });
      return;
    }
    await get().reload();
  },

  loadOlder: async () => {
    const { conversation, messages, hasOlder, loadingOlder } = get();
    const oldest = messages?.[0];
    if (!conversation || !oldest || !hasOlder || loadingOlder) return;
    const ticket = latest;
    set({ loadingOlder: true });
    try {
      const page = await call('messages.list', { conversationId: conversation.id, limit: olderPageSize, beforeId: oldest.id });
      if (ticket !== latest) return;
      set({ messages: mergeMessages(get().messages ?? [], page), hasOlder: page.length === olderPageSize, loadingOlder: false });
    } catch (error) {
      if (ticket === latest) set({ loadingOlder: false, error: toApiError(error) });
    }
  },

  updateConversation: (conversation) => {
    if (get().conversation?.id === conversation.id) set({ conversation });
  },

  addMessages: (conversationId, incoming) => {
    const { conversation, messages } = get();
    if (conversation?.id !== conversationId) return;
    set({ messages: mergeMessages(messages ?? [], incoming) });
  },

  applyStatus: (conversationId, change) => {
    const { conversation, messages } = get();
    if (conversation?.id !== conversationId || !messages) return;
    set({ messages: applyStatus(messages, change) });
  },
}));
