import type { Role } from '../domain';

/**
 * What the office tells a user about (issue 14, seed 000 الإشعارات). Each has an Arabic and
 * English text in the renderer (i18n/features/notifications.ts), made from `params`.
 */
export const notificationTypes = [
  /** A conversation was assigned (or transferred) to me. */
  'conversation_assigned',
  /** A customer wrote in a conversation assigned to me. */
  'conversation_message',
  /** One of my viewings starts within the hour. */
  'viewing_soon',
  /** Someone else booked a viewing for me. */
  'viewing_booked',
  /** An offer waits for an answer. */
  'offer_pending',
  /** A WhatsApp number I work dropped its connection. */
  'number_disconnected',
  /** An answer could not be sent. */
  'send_failed',
  /** A number used 80% of its daily quota (once per number and office day). */
  'quota_warning',
  /** A number used its whole daily quota (once per number and office day). */
  'quota_reached',
  /** A customer's follow-up date is today. */
  'follow_up_due',
  /** A non-admin signed in (to admins). */
  'staff_signed_in',
  /** An admin's own message to users (seed 000 create-for-admins). */
  'office_message',
  /** A CRM webhook endpoint was paused after 24 h of failed deliveries (to admins). */
  'webhook_paused',
  /** Issue 16: the AI handed a conversation of my numbers to a person. */
  'ai_handoff',
  /** Issue 16: the AI provider started failing (once per outage; to admins). */
  'ai_provider_failing',
] as const;
export type NotificationType = (typeof notificationTypes)[number];

/** Per user and type: shown in the app only, in the app and as a desktop notification, or not at all. */
export const notificationModes = ['in_app', 'desktop', 'off'] as const;
export type NotificationMode = (typeof notificationModes)[number];

/** What a user gets until they choose: what needs them now goes to the desktop too. */
export const defaultNotificationModes: Record<NotificationType, NotificationMode> = {
  conversation_assigned: 'desktop',
  conversation_message: 'desktop',
  viewing_soon: 'desktop',
  viewing_booked: 'desktop',
  offer_pending: 'in_app',
  number_disconnected: 'desktop',
  send_failed: 'in_app',
  quota_warning: 'in_app',
  quota_reached: 'in_app',
  follow_up_due: 'in_app',
  staff_signed_in: 'in_app',
  office_message: 'desktop',
  webhook_paused: 'in_app',
  ai_handoff: 'desktop',
  ai_provider_failing: 'in_app',
};

/** Told only to admins. */
const adminOnlyTypes = new Set<NotificationType>(['staff_signed_in', 'webhook_paused', 'ai_provider_failing']);

/** Which types a role can receive at all: the settings panel lists only these. */
export function notificationTypesFor(role: Role): readonly NotificationType[] {
  return role === 'admin' ? notificationTypes : notificationTypes.filter((t) => !adminOnlyTypes.has(t));
}

/** What a click opens. */
export const notificationTargetKinds = ['conversation', 'number', 'viewing', 'offer', 'contact', 'user'] as const;
export type NotificationTargetKind = (typeof notificationTargetKinds)[number];
export interface NotificationTarget {
  kind: NotificationTargetKind;
  id: number;
}

/** Names, counts and times the text is made from (times as ISO strings, money in halalas). */
export type NotificationParams = Record<string, string | number | null>;

export interface NotificationView {
  id: number;
  type: NotificationType;
  target: NotificationTarget | null;
  params: NotificationParams;
  /** The user asked for this type on the desktop too. */
  desktop: boolean;
  readAt: string | null;
  createdAt: string;
}

export interface NotificationPage {
  items: NotificationView[];
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: number | null;
}

export interface NotificationPreference {
  type: NotificationType;
  mode: NotificationMode;
}
