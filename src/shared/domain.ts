/** Domain vocabularies, spelled as the seeds spell them. */

/** Seed 000 stores roles upper-case (`"role": "ADMIN"`); we keep them lower-case like seed 003's enums. */
export const roles = ['admin', 'supervisor', 'agent'] as const;
export type Role = (typeof roles)[number];

/** Seed 000: a user's presence, set by sign-in and sign-out. */
export const userPresence = ['ONLINE', 'OFFLINE'] as const;
export type UserPresence = (typeof userPresence)[number];

/** Seed 003 reference tables. */
export const conversationStatuses = ['active', 'pending', 'resolved'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

export const messageSenders = ['customer', 'agent', 'ai', 'system'] as const;
export type MessageSender = (typeof messageSenders)[number];

/** `queued` is ours: the outbox state before WhatsApp has taken the message. */
export const messageStatuses = ['queued', 'sent', 'delivered', 'read', 'failed'] as const;
export type MessageStatus = (typeof messageStatuses)[number];

export const attachmentTypes = ['image', 'video', 'audio', 'document'] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

/** Seed 003 `whatsapp_numbers.status`. */
export const numberStatuses = ['active', 'inactive', 'pending'] as const;
export type NumberStatus = (typeof numberStatuses)[number];

export const propertyInterestStatuses = ['interested', 'viewing_scheduled', 'offer_made', 'not_interested'] as const;
export type PropertyInterestStatus = (typeof propertyInterestStatuses)[number];

