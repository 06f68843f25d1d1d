import type { AttachmentType, ConversationStatus, MessageSender, MessageStatus } from '../domain';

export interface ConversationView {
  id: number;
  contact: { id: number; name: string | null; phone: string | null };
  whatsappNumberId: number;
  numberName: string;
  lastMessage: string | null;
  lastMessageTime: string | null;
  unreadCount: number;
  status: ConversationStatus;
  isStarred: boolean;
  isArchived: boolean;
  assignedAgentId: number | null;
  assignedAgentName: string | null;
  /** With a search: the newest matching message, to show and highlight in the list. */
  match?: { messageId: number; content: string } | null;
}

/** Conversations with unread messages (not archived), and those messages: the title's "(3) Meras Desk". */
export interface UnreadSummary {
  conversations: number;
  messages: number;
}

export interface ConversationPage {
  data: ConversationView[];
  /** Pass `next` as `cursor` for the next page; null at the end. */
  meta: { limit: number; next: string | null };
}

export interface MessageView {
  id: number;
  conversationId: number;
  content: string;
  type: string;
  sender: MessageSender;
  senderName: string | null;
  status: MessageStatus;
  /** Why a message failed, in English; the renderer shows `errorCode`'s text. */
  error: string | null;
  errorCode: SendErrorCode | null;
  /** A received file: `pending` while it downloads, `unavailable` if WhatsApp no longer has it. */
  mediaStatus: 'pending' | 'ready' | 'unavailable' | null;
  attachments: AttachmentView[];
  createdAt: string;
  /** The id the browser gave an answer when the agent pressed send (see `sendMessageInput`). */
  clientId?: string;
}

/** Seed 003's attachment, without a URL: the file is read through `media.read`. */
export interface AttachmentView {
  id: number;
  type: AttachmentType;
  name: string | null;
  size: number;
  mimeType: string;
}

/**
 * Why a send failed for good; the renderer has Arabic and English for each. `unconfirmed`:
 * the app stopped while sending and WhatsApp's history could not be read to tell whether it
 * went, so it is not sent again by itself (that could send it twice); the agent decides.
 */
export const sendErrorCodes = ['rejected', 'invalid_recipient', 'number_removed', 'too_many_attempts', 'unconfirmed', 'media_missing'] as const;
export type SendErrorCode = (typeof sendErrorCodes)[number];
