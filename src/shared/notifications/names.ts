import type { SameNames } from '../contract-kit';
import type { notificationsChannels, NotificationsEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const notificationsChannelNames = [
  'notifications.list',
  'notifications.unread',
  'notifications.markRead',
  'notifications.markAllRead',
  'notifications.preferences',
  'notifications.setPreference',
  'notifications.create',
] as const;
export const notificationsEventNames = ['notification.new', 'notifications.unread'] as const;

const listed: [SameNames<(typeof notificationsChannelNames)[number], keyof typeof notificationsChannels>, SameNames<(typeof notificationsEventNames)[number], keyof NotificationsEvents>] = [true, true];
void listed;
