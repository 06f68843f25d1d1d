/**
 * What a message carries beyond its text, by kind (stored as JSON in messages.meta). Each
 * kind keeps a readable `content` too (a place's name, the contacts' names, the poll's
 * question), so search, previews and notifications need no special case.
 */
export interface MessageMeta {
  /** WhatsApp marked it forwarded. */
  forwarded?: boolean;
  /** A voice note's or video's length in seconds. */
  durationSec?: number;
  location?: LocationMeta;
  contacts?: ContactCard[];
  poll?: PollMeta;
  call?: { video: boolean; missed: boolean };
  notice?: NoticeMeta;
  /** The quoted message as WhatsApp gave it, for a reply whose original is not stored here. */
  quoted?: { content: string; type: string; fromMe: boolean };
  /** An unsupported kind: WhatsApp's name for it. */
  waType?: string;
}

export interface LocationMeta {
  latitude: number;
  longitude: number;
  name: string | null;
  address: string | null;
  /** A link the sender attached to the place, if any. */
  url: string | null;
}

export interface ContactCard {
  name: string;
  /** E.164 with '+' when the card's number could be read as one, else as written. */
  phones: string[];
}

export interface PollMeta {
  question: string;
  options: { id: number; name: string }[];
  multiple: boolean;
  /** Voter's WhatsApp id → the option ids they chose (vote_update); counts are derived. */
  votes: Record<string, number[]>;
}

/** A line in the thread that is not anyone's message. */
export type NoticeMeta =
  | { type: 'security_code' }
  | { type: 'number_changed'; newPhone: string | null }
  | { type: 'assigned'; to: string; by: string }
  | { type: 'transferred'; from: string; to: string; by: string }
  | { type: 'unassigned'; from: string; by: string };

/**
 * Our message types beyond text and files. `notice` and `call` rows are system lines
 * (sender `system`); `ciphertext` waits for WhatsApp to decrypt it; `revoked` is a deletion
 * whose original we never had.
 */
export const messageKinds = ['location', 'contacts', 'poll', 'call', 'notice', 'ciphertext', 'revoked', 'unsupported'] as const;

/** The most raw payload kept for an unsupported message (characters of JSON). */
export const rawPayloadCap = 8_000;
