import type { AttachmentType, ConversationStatus, MessageSender, MessageStatus, NumberStatus } from './domain';
import type { ConnectionState, DisconnectReason } from './whatsapp';

/** Seed 003's number, with its live connection beside the stored fields. */
export interface NumberView {
  id: number;
  /** E.164, known once the phone is linked. */
  phoneNumber: string | null;
  name: string;
  status: NumberStatus;
  provider: 'webjs' | 'cloud';
  employee: { id: number; name: string; email: string } | null;
  quotaUsed: number;
  quotaLimit: number;
  connection: NumberConnection;
  /** Agents who may work this number (admins and supervisors always may). */
  agentIds: number[];
  createdAt: string;
  updatedAt: string;
}

export interface NumberConnection {
  state: ConnectionState;
  /** Set when DISCONNECTED. */
  reason: DisconnectReason | null;
  /** The underlying error text (English, technical) for the curious and for support. */
  detail: string | null;
  /** The QR payload while QR_GENERATED; the renderer draws it. */
  qr: string | null;
  /** How many QRs have been shown in this linking round, and the limit. */
  qrRound: number;
  qrRounds: number;
  /** A pairing code to type on the phone, when one was asked for. */
  pairingCode: string | null;
  /** When the next automatic retry happens, if one is scheduled. */
  nextRetryAt: string | null;
  /** True while the number has a saved WhatsApp session (linked before). */
  linked: boolean;
}

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

export interface AppInfo {
  version: string;
  /** Demo mode: simulated WhatsApp, demo data, a "scan" button in the QR dialog. */
  demo: boolean;
  /** How the host serves the office network; absent in the desktop window and on this computer only. */
  connection?: ConnectionInfo;
}

export interface ConnectionInfo {
  /** `insecure`: plain HTTP on the network (`--lan-insecure`), shown with a warning. */
  security: 'tls' | 'insecure';
  /** SHA-256 of the host's certificate, for agents to compare with what their browser shows. */
  fingerprint256?: string;
}
