import type { notificationsChannels } from '../../../shared/notifications/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { NotificationsService } from './notifications-service';

/** Binds the notifications slice's channels to its service; every channel acts on the caller's own. */
export function notificationsHandlers(s: { notifications: NotificationsService }): HandlerMap<typeof notificationsChannels> {
  return {
    'notifications.list': (input, { caller }) => s.notifications.list(signedIn(caller), input),
    'notifications.unread': (_input, { caller }) => ({ unread: s.notifications.unread(signedIn(caller).user.id) }),
    'notifications.markRead': (input, { caller }) => s.notifications.markRead(signedIn(caller), input.id),
    'notifications.markAllRead': (_input, { caller }) => s.notifications.markAllRead(signedIn(caller)),
    'notifications.preferences': (_input, { caller }) => s.notifications.preferences(signedIn(caller)),
    'notifications.setPreference': (input, { caller }) => s.notifications.setPreference(signedIn(caller), input.type, input.mode),
    'notifications.create': (input, { caller }) => s.notifications.create(signedIn(caller), input),
  };
}
