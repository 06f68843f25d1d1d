import type { AckUpdate, InboundMessage } from '../transport';
import type { WebjsMessage } from './client-surface';
import { mendMessageId } from './message-id';
import { kindOf } from './message-kinds';

/** whatsapp-web.js's MessageAck: ACK_ERROR -1, PENDING 0, SERVER 1, DEVICE 2, READ 3, PLAYED 4. */
export function mapAck(ack: number): AckUpdate['status'] | null {
  if (ack === -1) return 'failed';
  if (ack === 1) return 'sent';
  if (ack === 2) return 'delivered';
  if (ack >= 3) return 'read';
  return null;
}

/**
 * A whatsapp-web.js Message as ours, or null when it has no usable id. Direction comes from
 * `fromMe` only: in an `@lid` chat our own messages carry our lid in `from`, so `from` cannot
 * tell who wrote. The customer is the chat's other side: `from` when they wrote, `to` when we did.
 */
export function mapMessage(message: WebjsMessage): InboundMessage | null {
  const providerId = mendMessageId(message.id);
  if (!providerId) return null;
  const fromMe = message.id?.fromMe ?? message.fromMe;
  const chatId = chatOf(message, fromMe);
  const kind = chatKind(chatId, message);
  const customer = kind === 'user' ? splitUser(chatId) : { phone: null, lid: null };
  const what = kindOf(message);
  return {
    providerId,
    chatId,
    fromMe,
    chatKind: kind,
    customerPhone: customer.phone,
    customerLid: customer.lid,
    profileName: fromMe ? null : cleanName(message._data?.notifyName),
    body: what.body,
    type: what.type,
    hasMedia: Boolean(message.hasMedia),
    timestamp: Number.isFinite(message.timestamp) && message.timestamp > 0 ? message.timestamp * 1000 : Date.now(),
    ...(what.meta ? { meta: what.meta } : {}),
    ...(what.quotedStanzaId ? { quotedStanzaId: what.quotedStanzaId } : {}),
    ...(what.editedAt ? { editedAt: what.editedAt } : {}),
    ...(what.raw ? { raw: what.raw } : {}),
  };
}

function chatOf(message: WebjsMessage, fromMe: boolean): string {
  const remote = message.id?.remote;
  const remoteId = typeof remote === 'string' ? remote : remote?._serialized;
  if (remoteId) return remoteId;
  return fromMe ? message.to : message.from;
}

function chatKind(chatId: string, message: WebjsMessage): InboundMessage['chatKind'] {
  if (chatId === 'status@broadcast' || message.isStatus) return 'status';
  if (chatId.endsWith('@g.us')) return 'group';
  if (chatId.endsWith('@c.us') || chatId.endsWith('@s.whatsapp.net') || chatId.endsWith('@lid')) return 'user';
  // Newsletters, broadcast lists and anything WhatsApp adds later are not customer chats.
  return 'other';
}

/** `9665…@c.us` → phone digits; `1234…@lid` → the lid, phone unknown until WhatsApp says. */
export function splitUser(chatId: string): { phone: string | null; lid: string | null } {
  const [user = '', server = ''] = chatId.split('@');
  const digits = user.split(':')[0] ?? '';
  if (!/^\d{5,20}$/.test(digits)) return { phone: null, lid: null };
  if (server === 'lid') return { phone: null, lid: `${digits}@lid` };
  return { phone: digits, lid: null };
}

function cleanName(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  const trimmed = name.trim();
  return trimmed.length > 0 ? trimmed.slice(0, 100) : null;
}
