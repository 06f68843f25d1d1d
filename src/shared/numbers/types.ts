import type { NumberStatus } from '../domain';
import type { ConnectionNotice, ConnectionState, DisconnectReason } from '../whatsapp';

/** Seed 003's number, with its live connection beside the stored fields. */
export interface NumberView {
  id: number;
  /** E.164, known once the phone is linked. */
  phoneNumber: string | null;
  name: string;
  status: NumberStatus;
  provider: 'webjs' | 'cloud';
  employee: { id: number; name: string; email: string } | null;
  /** The branch the number belongs to (issue 14). */
  branchId: number | null;
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
  /** WhatsApp's own sync progress (0–100) while it loads the phone's chats; null when not syncing. */
  syncPercent: number | null;
  /** A note beside the state (reconnecting, took the session back, logged out from the phone). */
  notice: ConnectionNotice | null;
  /** True while the number has a saved WhatsApp session (linked before). */
  linked: boolean;
}
