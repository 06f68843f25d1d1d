import type { AiRating } from '../ai/types';
import type { AttachmentType, ConversationStatus, MessageSender, MessageStatus } from '../domain';
import type { MessageMeta } from './message-meta';

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
  /**
   * Pass `next` as `cursor` for the next page; null at the end. `archivedMatches`: on a search's
   * first page outside the archive, how many archived conversations match too.
   */
  meta: { limit: number; next: string | null; archivedMatches?: number };
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
  /** What the kind carries (a place, contact cards, a poll, a notice…); `{}` for plain text. */
  meta: MessageMeta;
  /** The message this one replies to. */
  quoted: QuotedView | null;
  /** Emoji and how many people reacted with it. */
  reactions: { emoji: string; count: number }[];
  /** Set when the sender edited it (earlier texts: `messages.versions`). */
  editedAt: string | null;
  /** Set when the sender deleted it for everyone; `content` is then empty. */
  deletedAt: string | null;
  /** The id the browser gave an answer when the agent pressed send (see `sendMessageInput`). */
  clientId?: string;
  /** On an AI message in a thread page: the reader's own 👍/👎 (null: not rated). */
  aiRating?: AiRating | null;
}

/** A reply's quoted message: our row when we have it (`id`), else what WhatsApp said of it. */
export interface QuotedView {
  id: number | null;
  content: string;
  type: string;
  /** Whose it was: the customer's or ours. */
  fromMe: boolean;
  deleted: boolean;
}

/** An edited message's earlier text. */
export interface MessageVersionView {
  content: string;
  replacedAt: string;
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
export const sendErrorCodes = [
  'rejected',
  'invalid_recipient',
  'number_removed',
  'too_many_attempts',
  'unconfirmed',
  'media_missing',
  // Issue 19: Meta's permanent refusals on a Cloud number, by Meta's code.
  'meta_131047',
  'meta_131026',
  'meta_131049',
  'meta_131050',
  'meta_132000',
  'meta_100',
] as const;
export type SendErrorCode = (typeof sendErrorCodes)[number];
