/**
 * The part of whatsapp-web.js 1.34.7's `Client` (index.d.ts) that the webjs transport uses.
 * The real Client satisfies it; so does the demo's simulated Client, which lets the
 * transport's own code run unchanged in demo mode and in tests.
 */
export interface WebjsClient {
  info?: { wid?: WebjsWid | null } | null;
  /** Puppeteer's page, on the real Client only; the transport mends message keys through it. */
  pupPage?: { evaluate<T>(fn: () => T | Promise<T>): Promise<T>; isClosed?(): boolean } | null;
  pupBrowser?: { on(event: 'disconnected', listener: () => void): unknown; process?(): { pid?: number } | null } | null;

  on(event: 'qr', listener: (qr: string) => void): this;
  on(event: 'code', listener: (code: string) => void): this;
  on(event: 'authenticated', listener: (session?: unknown) => void): this;
  on(event: 'auth_failure', listener: (message: string) => void): this;
  on(event: 'ready', listener: () => void): this;
  on(event: 'message', listener: (message: WebjsMessage) => void): this;
  on(event: 'message_create', listener: (message: WebjsMessage) => void): this;
  on(event: 'message_ack', listener: (message: WebjsMessage, ack: number) => void): this;
  on(event: 'change_state', listener: (state: string) => void): this;
  on(event: 'message_revoke_everyone', listener: (message: WebjsMessage, revoked?: WebjsMessage | null) => void): this;
  on(event: 'message_edit', listener: (message: WebjsMessage, newBody: string, prevBody: string) => void): this;
  on(event: 'message_ciphertext', listener: (message: WebjsMessage) => void): this;
  on(event: 'message_reaction', listener: (reaction: WebjsReaction) => void): this;
  on(event: 'vote_update', listener: (vote: WebjsPollVote) => void): this;
  on(event: 'contact_changed', listener: (message: WebjsMessage, oldId: string, newId: string, isContact: boolean) => void): this;
  /** WhatsApp Web's sync progress: percent 0–100 and a message (1.34.7 always says 'WhatsApp'). */
  on(event: 'loading_screen', listener: (percent: number, message: string) => void): this;
  on(event: 'disconnected', listener: (reason: string) => void): this;
  removeAllListeners(event?: string): this;

  initialize(): Promise<void>;
  destroy(): Promise<void>;
  logout(): Promise<void>;
  /** `content` is a text, or a MessageMedia made by the factory's `media()`. */
  sendMessage(chatId: string, content: string | WebjsMessageMedia, options?: Record<string, unknown>): Promise<WebjsMessage | undefined>;
  getMessageById(messageId: string): Promise<WebjsMessage | null>;
  getChats(): Promise<WebjsChat[]>;
  getContactLidAndPhone(userIds: string[]): Promise<{ lid?: string; pn?: string }[]>;
  requestPairingCode(phoneNumber: string, showNotification?: boolean, intervalMs?: number): Promise<string>;
}

export interface WebjsWid {
  server: string;
  user: string;
  _serialized: string;
}

/**
 * A message key as it crosses the puppeteer bridge. WhatsApp Web builds since July 2026 carry
 * the serialized form under a minified name (`$1`) instead of `_serialized`.
 */
export interface WebjsMessageId {
  fromMe: boolean;
  remote: string | WebjsWid;
  id: string;
  participant?: string | WebjsWid;
  _serialized?: string;
  [minified: string]: unknown;
}

export interface WebjsMessage {
  id: WebjsMessageId;
  from: string;
  to: string;
  author?: string;
  body: string;
  /** Seconds since the epoch. */
  timestamp: number;
  type: string;
  hasMedia: boolean;
  ack: number;
  fromMe: boolean;
  isStatus?: boolean;
  broadcast?: boolean;
  /** Raw model fields; `notifyName` is the sender's profile name. */
  _data?: { notifyName?: string; [key: string]: unknown };
  /** Kind-specific fields whatsapp-web.js's Message derives from the raw model. */
  location?: { latitude: number | string; longitude: number | string; name?: string; address?: string; url?: string; description?: string } | null;
  vCards?: string[];
  pollName?: string;
  pollOptions?: { name: string; localId: number }[];
  isForwarded?: boolean;
  duration?: string | number;
  hasQuotedMsg?: boolean;
  latestEditSenderTimestampMs?: number;
  /** A revoke's or edit's key of the original message. */
  protocolMessageKey?: WebjsMessageId;
  /** The file of a message with `hasMedia`; undefined or null when WhatsApp cannot give it. */
  downloadMedia?(): Promise<WebjsMessageMedia | undefined | null>;
}

/** whatsapp-web.js's Reaction: `msgId` is the reacted-to message's key; `reaction` empty when taken back. */
export interface WebjsReaction {
  id: WebjsMessageId;
  msgId: WebjsMessageId;
  reaction: string;
  senderId: string;
  timestamp: number;
}

/** whatsapp-web.js's PollVote: the voter's current choice (empty: none). */
export interface WebjsPollVote {
  voter: string | WebjsWid;
  selectedOptions: { localId: number; name?: string }[];
  parentMsgKey: WebjsMessageId;
  interractedAtTs?: number;
}

/** whatsapp-web.js's MessageMedia: the file as base64. */
export interface WebjsMessageMedia {
  mimetype: string;
  data: string;
  filename?: string | null;
  filesize?: number | null;
}

export interface WebjsChat {
  id: WebjsWid;
  name?: string;
  isGroup: boolean;
  /** Seconds since the epoch of the last activity. */
  timestamp: number;
  fetchMessages(options: { limit: number; fromMe?: boolean }): Promise<WebjsMessage[]>;
}

/** Builds a Client for one number; the real one loads whatsapp-web.js, the demo one simulates it. */
export interface WebjsClientFactory {
  create(options: { numberId: number; sessionDir: string }): Promise<WebjsClient>;
  /** A MessageMedia of the same library as the Clients it creates (sendMessage checks the class). */
  media(mimetype: string, base64: string, filename: string, filesize: number): WebjsMessageMedia;
}
