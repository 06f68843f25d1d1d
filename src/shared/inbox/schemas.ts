import { z } from 'zod';
import { conversationStatuses } from '../domain';
import { clientMessageId, entityId } from '../fields';

/** Seed 003's numbers, conversations and messages inputs. */

/** Seed 003's `sortBy` fields. */
export const conversationSorts = ['lastMessageTime', 'unreadCount', 'customerName'] as const;
export type ConversationSort = (typeof conversationSorts)[number];

export const conversationListInput = z
  .object({
    whatsappNumberId: entityId.optional(),
    status: z.enum(conversationStatuses).optional(),
    starred: z.boolean().optional(),
    unread: z.boolean().optional(),
    /** 'me', 'unassigned', or an agent's id. */
    assignedTo: z.union([z.literal('me'), z.literal('unassigned'), entityId]).optional(),
    /** False (the default) hides archived conversations; true shows only them. */
    archived: z.boolean().default(false),
    /** Customer name, phone in any usual form, or words from the messages. */
    search: z.string().trim().max(100).optional(),
    sortBy: z.enum(conversationSorts).default('lastMessageTime'),
    sortOrder: z.enum(['asc', 'desc']).default('desc'),
    limit: z.number().int().min(1).max(100).default(50),
    /** Opaque: `meta.next` of the previous page. */
    cursor: z.string().max(500).optional(),
  })
  .strict();

/** Star, archive, change status, mark unread: what an agent changes on a conversation. */
export const updateConversationInput = z
  .object({
    id: entityId,
    isStarred: z.boolean().optional(),
    isArchived: z.boolean().optional(),
    status: z.enum(conversationStatuses).optional(),
    /** Marks it unread again (at least one unread message). */
    unread: z.literal(true).optional(),
  })
  .strict();

export const assignConversationInput = z.object({ id: entityId, agentId: entityId.nullable() }).strict();

export const conversationIdInput = z.object({ id: entityId }).strict();

export const messageListInput = z
  .object({
    conversationId: entityId,
    limit: z.number().int().min(1).max(200).default(50),
    /** Older page (infinite scroll): the messages shown before this one. */
    beforeId: entityId.optional(),
    /** Catch-up (seed 003's `after`): messages stored after this one, oldest first, e.g. after a dropped connection. */
    afterId: entityId.optional(),
  })
  .strict()
  .refine((m) => m.beforeId === undefined || m.afterId === undefined, { message: 'invalid', path: ['afterId'] });

/** WhatsApp's own cap on a text message is 65,536 characters. */
/** A text, or a finished upload with an optional caption (seed 003's message with attachments). */
export const sendMessageInput = z
  .object({
    conversationId: entityId,
    content: z.string().max(65_536).default(''),
    attachment: z.object({ uploadId: z.uuid() }).strict().optional(),
    /** Sent as a WhatsApp reply quoting this message of the same conversation. */
    replyToId: entityId.optional(),
    clientId: clientMessageId.optional(),
  })
  .strict()
  .refine((m) => m.attachment !== undefined || m.content.trim().length > 0, { message: 'required', path: ['content'] });

export const messageIdInput = z.object({ id: entityId }).strict();
