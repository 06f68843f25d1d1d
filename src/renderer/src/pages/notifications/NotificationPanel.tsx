import { useEffect } from 'react';
import type { NotificationView } from '../../../../shared/notifications/types';
import { VirtualList } from '../../components/VirtualList';
import { formatDateTime } from '../../format/dates';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { loadNotifications, markAllNotificationsRead, openNotification, useNotificationsStore } from '../../stores/notifications-store';
import { notificationText } from './notification-text';

/** Rows are all one height (two lines of text and a time): the virtual list computes their places. */
const rowHeight = 76;

/** The user's notifications, newest first, a page at a time as they scroll. */
export function NotificationPanel({ id, onClose }: { id: string; onClose(): void }) {
  const t = useT();
  const items = useNotificationsStore((state) => state.items);
  const unread = useNotificationsStore((state) => state.unread ?? 0);
  const failed = useNotificationsStore((state) => state.failed);
  const loading = useNotificationsStore((state) => state.loading);
  const more = useNotificationsStore((state) => state.nextBefore !== null);

  useEffect(() => {
    if (useNotificationsStore.getState().items === null) void loadNotifications();
  }, [items]);

  return (
    <div className="notification-panel" id={id} role="dialog" aria-label={t('notifications.title')} data-testid="notification-panel">
      <div className="notification-panel-header">
        <h2 className="notification-panel-title">{t('notifications.title')}</h2>
        <button type="button" className="button button-ghost button-small" disabled={unread === 0} onClick={() => void markAllNotificationsRead().catch(() => {})} data-testid="notifications-mark-all">
          {t('notifications.markAllRead')}
        </button>
      </div>
      {failed && !items ? (
        <p className="notification-panel-note" role="alert">
          {t('notifications.loadFailed')}
        </p>
      ) : items && items.length === 0 ? (
        <p className="notification-panel-note" data-testid="notifications-empty">
          {t('notifications.empty')}
        </p>
      ) : (
        <VirtualList
          items={items ?? []}
          rowHeight={rowHeight}
          getKey={(n) => n.id}
          renderRow={(n) => (
            <NotificationRow
              notification={n}
              onOpen={() => {
                openNotification(n);
                onClose();
              }}
            />
          )}
          onEndReached={() => {
            if (more) void loadNotifications(true);
          }}
          footer={loading && items ? <p className="notification-panel-note">{t('notifications.loadingMore')}</p> : undefined}
          label={t('notifications.title')}
          testId="notification-list"
        />
      )}
    </div>
  );
}

function NotificationRow({ notification, onOpen }: { notification: NotificationView; onOpen(): void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const { title, body } = notificationText(t, language, notification);
  const isUnread = notification.readAt === null;
  return (
    <button type="button" className={isUnread ? 'notification-row notification-unread' : 'notification-row'} onClick={onOpen} data-testid="notification-row" data-type={notification.type}>
      <span className="notification-dot" aria-hidden="true" />
      <span className="notification-text">
        <span className="notification-title">
          {title}
          {isUnread ? <span className="visually-hidden"> ({t('notifications.unreadMark')})</span> : null}
        </span>
        <span className="notification-body">{body}</span>
        <time className="notification-time" dateTime={notification.createdAt}>
          {formatDateTime(notification.createdAt, language)}
        </time>
      </span>
    </button>
  );
}
