import { create } from 'zustand';
import type { ConversationView, MessageView } from '../../../shared/inbox/types';
import { call, onEvent } from '../api/client';
import { useLanguageStore } from '../i18n/language-store';
import { makeTranslate, type Translate } from '../i18n/translate';
import { useConversationsStore } from './conversations-store';
import { shouldNotify } from './alert-rules';
import { showDesktopNotice } from './desktop-notifications';
import { loadNotificationModes, notificationMode, useNotificationModes } from './notification-modes';
import { defaultNotificationModes } from '../../../shared/notifications/types';
import { openConversation } from './inbox-actions';
import { useRouteStore } from './route-store';
import { useThreadStore } from './thread-store';

/** A `conversation.assigned` (or `conversation.transferred`: taken from you) shown in the window until dismissed or opened. */
export interface AssignedNotice {
  key: number;
  kind: 'assigned' | 'transferred';
  conversation: ConversationView;
  byUserName: string;
}

interface NoticesState {
  notices: AssignedNotice[];
  dismiss(key: number): void;
}

/** At most this many notices stay on screen; older ones go first. */
const maxNotices = 3;
let nextKey = 1;

export const useNoticesStore = create<NoticesState>()((set, get) => ({
  notices: [],
  dismiss: (key) => set({ notices: get().notices.filter((n) => n.key !== key) }),
}));

function addNotice(kind: AssignedNotice['kind'], conversation: ConversationView, byUserName: string): void {
  const others = useNoticesStore.getState().notices.filter((n) => n.conversation.id !== conversation.id);
  useNoticesStore.setState({ notices: [...others, { key: nextKey++, kind, conversation, byUserName }].slice(-maxNotices) });
}

/** Goes to the inbox with this conversation open (from a notice or a notification). */
export function showConversation(conversation: ConversationView): void {
  if (useRouteStore.getState().route !== 'inbox') useRouteStore.getState().navigate('inbox');
  openConversation(conversation);
}

const windowIsSeen = (): boolean => document.visibilityState === 'visible' && document.hasFocus();

function customerName(conversation: ConversationView): string {
  return conversation.contact.name?.trim() || conversation.contact.phone || conversation.numberName;
}

function notify(title: string, body: string, conversation: ConversationView): void {
  const language = useLanguageStore.getState().language;
  showDesktopNotice({
    title,
    body,
    tag: `conversation-${conversation.id}`,
    lang: language,
    dir: language === 'ar' ? 'rtl' : 'ltr',
    onClick: () => showConversation(conversation),
  });
}

/** "X moved your conversation with C to Y" (or unassigned it), in the current language. */
export function transferredText(translate: Translate, by: string, customer: string, to: string | null): string {
  return to ? translate('access.transferredNotice', { by, customer, to }) : translate('access.unassignedNotice', { by, customer });
}

/** How long a `message.new` waits for the `conversation.update` that follows it before the conversation is read. */
const conversationWaitMs = 1_000;

/**
 * Desktop notifications and assignment notices for the whole signed-in session (any page).
 * `message.new` does not say whose the conversation is; the core sends the conversation's
 * `conversation.update` right after it, so the decision waits for that (or reads it).
 */
export function watchInboxAlerts(userId: number): () => void {
  const pending = new Map<number, { message: MessageView; timer: ReturnType<typeof setTimeout> }>();
  let stopped = false;
  const t = () => makeTranslate(useLanguageStore.getState().language);
  void loadNotificationModes();

  function decide(conversation: ConversationView, message: MessageView): void {
    if (stopped) return;
    // The open conversation is only looked at while the inbox page shows it.
    const openId = useRouteStore.getState().route === 'inbox' ? (useThreadStore.getState().conversation?.id ?? null) : null;
    if (notificationMode('conversation_message') !== 'desktop') return;
    if (!shouldNotify(conversation, userId, openId, windowIsSeen())) return;
    const body = message.content.trim() || t()('find.notifyAttachment');
    notify(customerName(conversation), body, conversation);
  }

  function known(id: number): ConversationView | undefined {
    const open = useThreadStore.getState().conversation;
    if (open?.id === id) return open;
    return useConversationsStore.getState().items?.find((c) => c.id === id);
  }

  const offNew = onEvent('message.new', ({ conversationId, message }) => {
    if (message.sender !== 'customer') return;
    const before = pending.get(conversationId);
    if (before) clearTimeout(before.timer);
    const timer = setTimeout(() => {
      pending.delete(conversationId);
      const conversation = known(conversationId);
      if (conversation) decide(conversation, message);
      else call('conversations.get', { id: conversationId }).then((c) => decide(c, message), () => {});
    }, conversationWaitMs);
    pending.set(conversationId, { message, timer });
  });

  const offUpdate = onEvent('conversation.update', ({ conversation }) => {
    const waiting = pending.get(conversation.id);
    if (!waiting) return;
    clearTimeout(waiting.timer);
    pending.delete(conversation.id);
    decide(conversation, waiting.message);
  });

  // An assignment (or a transfer away) follows the user's choice for "conversation assigned":
  // off shows nothing, in the app a notice in the window, on the desktop a system notice too.
  const offAssigned = onEvent('conversation.assigned', ({ conversation, byUserName }) => {
    const mode = notificationMode('conversation_assigned');
    if (mode === 'off') return;
    addNotice('assigned', conversation, byUserName);
    if (mode === 'desktop' && !windowIsSeen()) notify(t()('find.assignedNotifyTitle'), t()('find.assignedNotice', { by: byUserName, customer: customerName(conversation) }), conversation);
  });

  const offTransferred = onEvent('conversation.transferred', ({ conversation, byUserName }) => {
    const mode = notificationMode('conversation_assigned');
    if (mode === 'off') return;
    addNotice('transferred', conversation, byUserName);
    if (mode === 'desktop' && !windowIsSeen()) notify(t()('access.transferredNotifyTitle'), transferredText(t(), byUserName, customerName(conversation), conversation.assignedAgentName), conversation);
  });

  return () => {
    stopped = true;
    offNew();
    offUpdate();
    offAssigned();
    offTransferred();
    for (const { timer } of pending.values()) clearTimeout(timer);
    pending.clear();
    useNoticesStore.setState({ notices: [] });
    // The next user to sign in here starts from the defaults until their own are read.
    useNotificationModes.setState({ modes: { ...defaultNotificationModes } });
  };
}
