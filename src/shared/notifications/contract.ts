import { adminOnly, channel } from '../contract-kit';
import { empty } from '../fields';
import * as s from './schemas';
import type { NotificationPage, NotificationPreference, NotificationView } from './types';

/**
 * The caller's own notifications (seed 000 الإشعارات). No channel takes another user's id:
 * a notification of someone else is NOT_FOUND, for admins too.
 */
export const notificationsChannels = {
  'notifications.list': channel<NotificationPage>()({ input: s.notificationListInput, access: 'user', kind: 'read' }),
  'notifications.unread': channel<{ unread: number }>()({ input: empty, access: 'user', kind: 'read' }),
  'notifications.markRead': channel<{ unread: number }>()({ input: s.notificationIdInput, access: 'user', kind: 'write' }),
  'notifications.markAllRead': channel<{ unread: number }>()({ input: empty, access: 'user', kind: 'write' }),
  /** The caller's mode for every type their role receives. */
  'notifications.preferences': channel<NotificationPreference[]>()({ input: empty, access: 'user', kind: 'read' }),
  'notifications.setPreference': channel<NotificationPreference[]>()({ input: s.setNotificationPreferenceInput, access: 'user', kind: 'write' }),
  /** Seed 000 create-for-admins: an admin sends a notification to users; answers how many got it. */
  'notifications.create': channel<{ sent: number }>()({ input: s.createNotificationInput, access: adminOnly, kind: 'write' }),
} as const;

export interface NotificationsEvents {
  /** A notification for this user (and only them), with their new unread count. */
  'notification.new': { notification: NotificationView; unread: number };
  /** This user's unread count changed in another window (read, all read, pruned). */
  'notifications.unread': { unread: number };
}
