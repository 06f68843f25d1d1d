import type { ConversationView } from '../../../shared/inbox/types';
import { call, onEvent, onReconnect } from '../api/client';
import { defaultFilters } from './conversation-filters';
import { useConversationsStore } from './conversations-store';
import { useRouteStore } from './route-store';
import { useThreadStore } from './thread-store';

const markReadDelayMs = 400;
let markTimer: ReturnType<typeof setTimeout> | undefined;
let marking = false;

const windowIsSeen = (): boolean => document.visibilityState === 'visible' && document.hasFocus();

/** A conversation changed by a call or an event, shown in the list and the open thread alike. */
export function placeEverywhere(conversation: ConversationView): void {
  useConversationsStore.getState().place(conversation);
  useThreadStore.getState().updateConversation(conversation);
}

/**
 * Marks the open conversation read when someone can actually see it. A burst of incoming
 * messages costs one call, not one each: writes are rate-limited per user.
 */
export function markOpenConversationRead(immediately = false): void {
  if (markTimer !== undefined) clearTimeout(markTimer);
  markTimer = setTimeout(
    () => {
      markTimer = undefined;
      const open = useThreadStore.getState().conversation;
      if (!open || open.unreadCount === 0 || marking || !windowIsSeen()) return;
      marking = true;
      call('conversations.markRead', { id: open.id })
        .then(placeEverywhere, () => {
          // Not marking read is harmless: the badge stays until the next try.
        })
        .finally(() => {
          marking = false;
        });
    },
    immediately ? 0 : markReadDelayMs,
  );
}

/** Opens a conversation in the inbox; the address becomes `#/inbox/<id>`, so a reload or a copied link reopens it. */
export function openConversation(conversation: ConversationView): void {
  useThreadStore.getState().open(conversation);
  useRouteStore.getState().showConversation(conversation.id);
  markOpenConversationRead(true);
}

/** Opens the conversation in the inbox from another page, as if picked from its list. */
export async function openInInbox(id: number): Promise<void> {
  const conversation = await call('conversations.get', { id });
  useRouteStore.getState().navigateToConversation(id);
  openConversation(conversation);
}

/** The inbox's live wiring while the page is shown. */
export function watchInbox(): () => void {
  const list = useConversationsStore.getState();
  void list.reload();
  if (useThreadStore.getState().conversation) void useThreadStore.getState().reload();

  const offUpdate = onEvent('conversation.update', ({ conversation }) => {
    placeEverywhere(conversation);
    if (useThreadStore.getState().conversation?.id === conversation.id && conversation.unreadCount > 0) markOpenConversationRead();
  });
  const offNew = onEvent('message.new', ({ conversationId, message }) => {
    useThreadStore.getState().addMessages(conversationId, [message]);
  });
  // A customer's file finished downloading: the message is shown again with it.
  const offMessageUpdate = onEvent('message.update', ({ conversationId, message }) => {
    useThreadStore.getState().addMessages(conversationId, [message]);
  });
  const offStatus = onEvent('message.status', ({ conversationId, messageId, status, error, errorCode }) => {
    useThreadStore.getState().applyStatus(conversationId, { messageId, status, error, errorCode });
  });
  // A number removed, or taken from this user: the core decides what stays; the list and an open thread on it are read again.
  const offNumberGone = onEvent('number.removed', ({ id }) => {
    void useConversationsStore.getState().reload();
    if (useThreadStore.getState().conversation?.whatsappNumberId === id) void useThreadStore.getState().reload();
  });
  // Whatever happened while the connection was down is read again.
  const offReconnect = onReconnect(() => {
    void useConversationsStore.getState().reload();
    void useThreadStore.getState().catchUp();
  });
  const onSeen = () => markOpenConversationRead();
  window.addEventListener('focus', onSeen);
  document.addEventListener('visibilitychange', onSeen);

  return () => {
    offUpdate();
    offNew();
    offMessageUpdate();
    offStatus();
    offNumberGone();
    offReconnect();
    window.removeEventListener('focus', onSeen);
    document.removeEventListener('visibilitychange', onSeen);
    if (markTimer !== undefined) clearTimeout(markTimer);
    markTimer = undefined;
  };
}

/** Another user may sign in next in this window: nothing of this one's inbox stays behind. */
export function resetInbox(): void {
  useThreadStore.getState().close();
  useConversationsStore.setState({ items: null, next: null, error: null, loadingMore: false, filters: defaultFilters });
}
