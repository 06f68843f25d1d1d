import { create } from 'zustand';
import type { NotificationView } from '../../../shared/notifications/types';
import { call, onEvent, onReconnect } from '../api/client';
import { useLanguageStore } from '../i18n/language-store';
import { makeTranslate } from '../i18n/translate';
import { notificationText } from '../pages/notifications/notification-text';
import { openNotificationTarget } from '../pages/notifications/open-target';
import { showDesktopNotice } from './desktop-notifications';

const pageSize = 30;

interface NotificationsState {
  /** null until the first count answers. */
  unread: number | null;
  /** The loaded list, newest first; null until the bell is first opened. */
  items: NotificationView[] | null;
  nextBefore: number | null;
  loading: boolean;
  failed: boolean;
}

const empty: NotificationsState = { unread: null, items: null, nextBefore: null, loading: false, failed: false };
export const useNotificationsStore = create<NotificationsState>()(() => ({ ...empty }));

/** Loads the first page (again), or the next one after what is shown. */
export async function loadNotifications(more = false): Promise<void> {
  const state = useNotificationsStore.getState();
  if (state.loading || (more && state.nextBefore === null)) return;
  useNotificationsStore.setState({ loading: true, failed: false });
  try {
    const page = await call('notifications.list', { limit: pageSize, ...(more && state.nextBefore !== null ? { before: state.nextBefore } : {}) });
    const items = more ? [...(useNotificationsStore.getState().items ?? []), ...page.items] : page.items;
    useNotificationsStore.setState({ items, nextBefore: page.nextBefore, loading: false });
  } catch {
    useNotificationsStore.setState({ loading: false, failed: true });
  }
}

function markedRead(ids: ReadonlySet<number> | 'all', unread: number): void {
  const at = new Date().toISOString();
  const items = useNotificationsStore.getState().items?.map((n) => (n.readAt === null && (ids === 'all' || ids.has(n.id)) ? { ...n, readAt: at } : n)) ?? null;
  useNotificationsStore.setState({ items, unread });
}

export async function markNotificationRead(id: number): Promise<void> {
  const { unread } = await call('notifications.markRead', { id });
  markedRead(new Set([id]), unread);
}

export async function markAllNotificationsRead(): Promise<void> {
  const { unread } = await call('notifications.markAllRead', {});
  markedRead('all', unread);
}

/** A click on a notification: it is read, and its subject opens. */
export function openNotification(n: NotificationView): void {
  if (n.readAt === null) void markNotificationRead(n.id).catch(() => {});
  openNotificationTarget(n.target);
}

/** Keeps the bell's count and list live for the signed-in user (their events only), and shows desktop notices they asked for. */
export function watchNotifications(): () => void {
  let stopped = false;
  const count = () =>
    call('notifications.unread', {}).then(
      ({ unread }) => !stopped && useNotificationsStore.setState({ unread }),
      () => {},
    );
  void count();
  const offNew = onEvent('notification.new', ({ notification, unread }) => {
    const { items } = useNotificationsStore.getState();
    useNotificationsStore.setState({ unread, items: items ? [notification, ...items.filter((n) => n.id !== notification.id)] : null });
    // On the desktop only while the app is not in front of the user: the bell already shows it there.
    if (notification.desktop && !(document.visibilityState === 'visible' && document.hasFocus())) {
      const language = useLanguageStore.getState().language;
      const { title, body } = notificationText(makeTranslate(language), language, notification);
      showDesktopNotice({
        title,
        body,
        // One per subject: the inbox's own notice for the same conversation is replaced, not doubled.
        tag: notification.target?.kind === 'conversation' ? `conversation-${notification.target.id}` : `notification-${notification.id}`,
        lang: language,
        dir: language === 'ar' ? 'rtl' : 'ltr',
        onClick: () => openNotification(notification),
      });
    }
  });
  const offUnread = onEvent('notifications.unread', ({ unread }) => {
    // Read elsewhere (another tab): the list is read again when next opened.
    useNotificationsStore.setState({ unread, ...(unread === 0 ? {} : { items: null }) });
    if (unread === 0) markedRead('all', 0);
  });
  const offReconnect = onReconnect(() => {
    void count();
    useNotificationsStore.setState({ items: null });
  });
  return () => {
    stopped = true;
    offNew();
    offUnread();
    offReconnect();
    useNotificationsStore.setState({ ...empty });
  };
}
