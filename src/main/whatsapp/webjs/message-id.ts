import type { WebjsMessageId, WebjsWid } from './client-surface';

/**
 * WhatsApp's serialized message id (`<fromMe>_<remote>_<id>[_<participant>]`).
 *
 * whatsapp-web.js 1.34.7 reads it from `id._serialized`, which WhatsApp Web builds since
 * July 2026 no longer set: the value moved to a minified property (`$1` today; the name may
 * change with the next build). So it is rebuilt from the key's parts when `_serialized` is
 * missing, exactly as WhatsApp joins them. Returns null rather than an undefined or
 * "undefined" id, which must never be stored (upstream #201830, #201852).
 */
export function serializedMessageId(id: WebjsMessageId | null | undefined): string | null {
  if (!id || typeof id !== 'object') return null;
  if (isUsable(id._serialized)) return id._serialized;
  const remote = widString(id.remote);
  if (typeof id.fromMe !== 'boolean' || !remote || !isUsable(id.id)) return null;
  const participant = widString(id.participant);
  return [String(id.fromMe), remote, id.id, ...(participant ? [participant] : [])].join('_');
}

/**
 * Gives a message key its `_serialized` back in place, so whatsapp-web.js's own methods on
 * that message (downloadMedia, reply, react) find it again. Returns the id, or null.
 */
export function mendMessageId(id: WebjsMessageId | null | undefined): string | null {
  const serialized = serializedMessageId(id);
  if (serialized && id && id._serialized !== serialized) id._serialized = serialized;
  return serialized;
}

function widString(wid: string | WebjsWid | null | undefined): string | null {
  if (typeof wid === 'string') return isUsable(wid) ? wid : null;
  if (wid && typeof wid === 'object') {
    if (isUsable(wid._serialized)) return wid._serialized;
    if (isUsable(wid.user) && isUsable(wid.server)) return `${wid.user}@${wid.server}`;
  }
  return null;
}

function isUsable(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value !== 'undefined' && value !== 'null';
}
