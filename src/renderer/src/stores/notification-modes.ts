import { create } from 'zustand';
import { defaultNotificationModes, type NotificationMode, type NotificationPreference, type NotificationType } from '../../../shared/notifications/types';
import { call } from '../api/client';

interface ModesState {
  modes: Record<NotificationType, NotificationMode>;
}

/**
 * The signed-in user's choice per notification type (Profile → Notifications), for the alerts the
 * window raises itself (a new customer message, an assignment): they follow the same choice as
 * the bell's notifications. The defaults hold until the user's own are read.
 */
export const useNotificationModes = create<ModesState>()(() => ({ modes: { ...defaultNotificationModes } }));

export function applyNotificationPreferences(preferences: readonly NotificationPreference[]): void {
  const modes = { ...defaultNotificationModes };
  for (const { type, mode } of preferences) modes[type] = mode;
  useNotificationModes.setState({ modes });
}

/** Reads the user's choices (at sign-in and after a reconnect); a failure keeps what was known. */
export function loadNotificationModes(): Promise<void> {
  return call('notifications.preferences', {}).then(applyNotificationPreferences, () => {});
}

export const notificationMode = (type: NotificationType): NotificationMode => useNotificationModes.getState().modes[type];
