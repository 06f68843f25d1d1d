import type { DisconnectReason } from '../../shared/whatsapp';
import type { MessageMeta } from '../../shared/inbox/message-meta';

/**
 * One way of connecting a WhatsApp number (architecture.md "WhatsApp transports"). The
 * session manager drives it; ingest and the outbox consume its events. `webjs` is the only
 * implementation today; the Cloud API will be the second.
 */
export interface Transport {
  /** Starts the session; resolves once it is running (not necessarily ready), rejects if it cannot start. */
  connect(): Promise<void>;
  /** Stops the session and keeps the saved link. */
  disconnect(): Promise<void>;
  /** Unlinks this device from the phone and forgets the saved session. */
  logout(): Promise<void>;
  /** Sends a text, or a file with its caption; resolves with WhatsApp's message id (null when WhatsApp sent it but did not say its id). */
  send(chatId: string, content: OutboundContent): Promise<{ providerId: string | null }>;
  /** A received message's file, or null when WhatsApp no longer has it. */
  downloadMedia(providerId: string): Promise<DownloadedMedia | null>;
  /** Asks for a code to type on the phone instead of scanning the QR. */
  requestPairingCode(phoneDigits: string): Promise<string>;
  /** The phone for an `@lid` user when WhatsApp knows it (E.164 digits without '+'), else null. */
  phoneForLid(lid: string): Promise<string | null>;
  /** Recent one-to-one chats and their messages newer than `since` (ms), oldest first, for catch-up. */
  recentMessages(since: number, options: { maxChats: number; perChat: number }): Promise<InboundMessage[]>;
  /** Tells the customer their message was read (the Cloud API's read receipt); absent where reading the chat does it. */
  markRead?(providerId: string): Promise<void>;
}

export interface TransportEvents {
  qr(qr: string): void;
  pairingCode(code: string): void;
  authenticated(): void;
  /** `phone`: the linked phone's digits (E.164 without '+'), when WhatsApp says it. */
  ready(info: { phone: string | null }): void;
  disconnected(info: { reason: DisconnectReason; detail: string | null }): void;
  /** WhatsApp Web's sync progress, 0–100 (whatsapp-web.js `loading_screen`). */
  syncing(percent: number): void;
  /** A linked session lost WhatsApp's servers and is finding them again (true), or found them (false). */
  reconnecting(active: boolean): void;
  message(message: InboundMessage): void;
  ack(update: AckUpdate): void;
  /** Something happened to a message already sent: deleted, edited, reacted to, voted on; or a customer changed number. */
  change(change: MessageChange): void;
}

/** What WhatsApp says changed about earlier messages (never a new bubble). */
export type MessageChange =
  | { kind: 'revoke'; providerId: string; at: number }
  | { kind: 'edit'; providerId: string; body: string; at: number }
  /** `emoji` empty: the reaction was taken back. */
  | { kind: 'reaction'; providerId: string; senderId: string; emoji: string }
  | { kind: 'vote'; providerId: string; voterId: string; optionIds: number[] }
  /** A customer's new number (both E.164 digits without '+'); `notice` is WhatsApp's line about it. */
  | { kind: 'number_changed'; oldPhone: string; newPhone: string; newChatId: string; notice: InboundMessage | null };

/** A message as WhatsApp delivered it, before ingest. */
export interface InboundMessage {
  /** WhatsApp's serialized message id (`false_<chat>_<id>`); never undefined or "undefined". */
  providerId: string;
  /** The chat this belongs to: `<digits>@c.us`, `<digits>@lid`, a group `@g.us`, or `status@broadcast`. */
  chatId: string;
  /** Ours (sent from this number, here or on the phone) or the customer's. From `fromMe`, never from `from`. */
  fromMe: boolean;
  /** Kind of chat: only `user` chats are customer conversations. */
  chatKind: 'user' | 'group' | 'status' | 'other';
  /** The customer's phone digits when the chat id or WhatsApp gives it; null for an unresolved `@lid`. */
  customerPhone: string | null;
  /** The customer's `<digits>@lid` id when they appear under one. */
  customerLid: string | null;
  /** Cloud API: Meta's business-scoped user id, the customer's only id when they show a username instead of a phone. */
  customerUserId?: string | null;
  /** The customer's WhatsApp profile name (push name), if any. */
  profileName: string | null;
  body: string;
  /** whatsapp-web.js's message type (`chat`, `image`, ...). */
  type: string;
  hasMedia: boolean;
  /** Milliseconds since the epoch. */
  timestamp: number;
  /** What the kind carries beyond text (a place, contact cards, a poll, a call, a notice, forwarded, duration). */
  meta?: MessageMeta;
  /** A reply: WhatsApp's id (stanza id) of the quoted message in the same chat. */
  quotedStanzaId?: string | null;
  /** In catch-up: the message was edited (ms); `body` is then its latest text. */
  editedAt?: number | null;
  /** An unsupported kind's payload as JSON, capped, without file data. */
  raw?: string | null;
}

/** What the outbox hands a transport: the text, or the caption of a file. */
export interface OutboundContent {
  text: string;
  media?: OutboundMedia;
  /** Sent as a reply to this WhatsApp message (serialized id). */
  quotedMessageId?: string;
  /** Our message id: the Cloud API carries it as `biz_opaque_callback_data`, so a status outrunning the answer still matches. */
  localId?: number;
  /** A Cloud API template send: `text` is then only what the thread shows. */
  template?: TemplateSend;
}

/** An approved template by name and language with its filled components, as Meta's `template` object takes them. */
export interface TemplateSend {
  name: string;
  language: string;
  components: unknown[];
}

export interface OutboundMedia {
  type: 'image' | 'video' | 'audio' | 'document';
  mimeType: string;
  name: string;
  /** The file, read from the media store. */
  data: Buffer;
}

export interface DownloadedMedia {
  mimeType: string;
  /** The sender's file name, for documents. */
  name: string | null;
  data: Buffer;
}

/** whatsapp-web.js's ack numbers mapped to ours: only ever moved forward by ingest. */
export interface AckUpdate {
  providerId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  /** Cloud API: why it failed (Meta's `errors[0]` code and title), kept on the message for the thread. */
  error?: { code: number; title: string };
  /**
   * Cloud API: our message id, sent as `biz_opaque_callback_data`: a status that outruns the send
   * response (the message has no WhatsApp id yet) still finds its message.
   */
  localId?: number;
}

/** What ingest asks of a transport after storing a message: its file, an `@lid`'s phone. The Cloud webhook gives both without a session. */
export type InboundSource = Pick<Transport, 'downloadMedia' | 'phoneForLid'>;

export type TransportListener = { [E in keyof TransportEvents]: TransportEvents[E] };
