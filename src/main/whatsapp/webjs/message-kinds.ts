import { rawPayloadCap, type ContactCard, type MessageMeta } from '../../../shared/inbox/message-meta';
import type { WebjsMessage } from './client-surface';
import { parseVCard } from './vcard';

/** whatsapp-web.js types stored as they are: text and files. */
const plainTypes = new Set(['chat', 'image', 'video', 'audio', 'ptt', 'document', 'sticker']);
/** Replies to buttons and lists: their body is the chosen text. */
const textLike = new Set(['buttons_response', 'list_response', 'template_button_reply']);
const mediaTypes = new Set(['image', 'video', 'audio', 'ptt', 'document', 'sticker']);

export interface MessageKind {
  type: string;
  body: string;
  meta: MessageMeta | undefined;
  quotedStanzaId: string | null;
  editedAt: number | null;
  raw: string | null;
}

/**
 * What a whatsapp-web.js 1.34.7 Message is, read from the Message's own fields and its raw
 * model (`_data`), never guessed from `body`: WhatsApp puts a location's or an uploading
 * photo's base64 thumbnail there, and a contact card's raw vCard.
 */
export function kindOf(message: WebjsMessage): MessageKind {
  const data = message._data ?? {};
  const waType = message.type || 'chat';
  const meta: MessageMeta = {};
  if (message.isForwarded || data.isForwarded) meta.forwarded = true;
  const duration = Number(message.duration ?? data.duration);
  if ((waType === 'ptt' || waType === 'audio' || waType === 'video') && Number.isFinite(duration) && duration > 0) meta.durationSec = Math.round(duration);
  const quoted = quotedOf(data);
  if (quoted.meta) meta.quoted = quoted.meta;
  const editedAt = Number(message.latestEditSenderTimestampMs ?? data.latestEditSenderTimestampMs);
  const base = { quotedStanzaId: quoted.stanzaId, editedAt: Number.isFinite(editedAt) && editedAt > 0 ? editedAt : null, raw: null };
  const done = (type: string, body: string): MessageKind => ({ ...base, type, body, meta: Object.keys(meta).length > 0 ? meta : undefined });

  if (plainTypes.has(waType) || textLike.has(waType)) {
    // A file's text is its caption only: while our own photo uploads, `body` is its thumbnail;
    // a document's caption is not its file name.
    const caption = typeof data.caption === 'string' ? data.caption : '';
    const body = mediaTypes.has(waType) ? (message.hasMedia ? text(message.body) : caption) : text(message.body);
    const type = textLike.has(waType) ? 'chat' : waType;
    return done(type, waType === 'document' && body === data.filename ? '' : body);
  }
  switch (waType) {
    case 'location': {
      const location = message.location ?? null;
      const latitude = Number(location?.latitude ?? data.lat);
      const longitude = Number(location?.longitude ?? data.lng);
      const [nameLine, addressLine] = typeof data.loc === 'string' ? data.loc.split('\n') : [];
      const name = cleanText(location?.name ?? nameLine);
      const address = cleanText(location?.address ?? addressLine);
      meta.location = { latitude, longitude, name, address, url: cleanText(location?.url ?? data.clientUrl) };
      return done('location', name ?? address ?? '');
    }
    case 'vcard':
    case 'multi_vcard': {
      const vcards = Array.isArray(message.vCards) && message.vCards.length > 0 ? message.vCards : waType === 'vcard' ? [data.body] : ((data.vcardList as { vcard: string }[] | undefined) ?? []).map((c) => c.vcard);
      const cards = vcards.map((v) => parseVCard(String(v ?? ''))).filter((c): c is ContactCard => c !== null);
      meta.contacts = cards;
      return done('contacts', cards.map((c) => c.name).join('، '));
    }
    case 'poll_creation': {
      const options = ((message.pollOptions ?? data.pollOptions ?? []) as { localId?: number; name?: string }[]).map((o, i) => ({ id: Number(o.localId ?? i), name: String(o.name ?? '') }));
      const question = text(message.pollName ?? data.pollName ?? message.body);
      meta.poll = { question, options, multiple: !data.pollSelectableOptionsCount, votes: {} };
      return done('poll', question);
    }
    case 'call_log': {
      const outcome = String(data.callOutcome ?? '');
      meta.call = { video: Boolean(data.isVideoCall), missed: outcome === '' || /miss|reject|cancel/i.test(outcome) };
      return done('call', '');
    }
    case 'e2e_notification':
      // `encrypt` is the first "messages are end-to-end encrypted" line; `identity` a changed security code.
      if (data.subtype === 'encrypt') break;
      meta.notice = { type: 'security_code' };
      return done('notice', '');
    case 'notification_template':
    case 'gp2':
      if (data.subtype === 'change_number' || data.subtype === 'modify') {
        const newId = widText(data.to);
        meta.notice = { type: 'number_changed', newPhone: newId && /^\d{5,20}@c\.us$/.test(newId) ? `+${newId.split('@')[0]}` : null };
        return done('notice', '');
      }
      break;
    case 'ciphertext':
      return done('ciphertext', '');
    case 'revoked':
      return done('revoked', '');
  }
  meta.waType = waType;
  return { ...done('unsupported', ''), raw: rawPayload(data) };
}

/** A reply's quoted message: WhatsApp's id of it and what it said, from the raw model. */
function quotedOf(data: Record<string, unknown>): { stanzaId: string | null; meta: MessageMeta['quoted'] | null } {
  const stanzaId = typeof data.quotedStanzaID === 'string' && data.quotedStanzaID.length > 0 ? data.quotedStanzaID : null;
  const quoted = data.quotedMsg as { body?: unknown; caption?: unknown; type?: unknown } | undefined;
  if (!stanzaId && !quoted) return { stanzaId: null, meta: null };
  const type = typeof quoted?.type === 'string' ? quoted.type : 'chat';
  // The quoted model's body is a thumbnail or a vCard for those kinds: only text and captions are shown.
  const content = type === 'chat' ? text(quoted?.body) : text(quoted?.caption);
  // In a one-to-one chat the quoted author is either the customer (the chat's other side) or us.
  const author = widText(data.quotedParticipant);
  const ownKey = (data.id as { fromMe?: boolean } | undefined)?.fromMe;
  const customer = widText(ownKey ? data.to : data.from);
  const fromMe = author !== null && customer !== null && author !== customer;
  return { stanzaId, meta: { content: content.slice(0, 300), type: type === 'chat' ? 'text' : type, fromMe } };
}

/** The raw model without anything that can hold a file (base64 bodies, thumbnails, keys), capped. */
function rawPayload(data: Record<string, unknown>): string {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (/thumb|body|mediaKey|directPath|encFileHash|filehash|scans|streamingSidecar|messageSecret|mediaData/i.test(key)) continue;
    if (typeof value === 'string' && value.length > 500) continue;
    kept[key] = value;
  }
  let json: string;
  try {
    json = JSON.stringify(kept);
  } catch {
    json = JSON.stringify({ type: data.type ?? null, subtype: data.subtype ?? null });
  }
  return json.length > rawPayloadCap ? JSON.stringify({ type: data.type ?? null, subtype: data.subtype ?? null, truncated: true }) : json;
}

function widText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  const serialized = (value as { _serialized?: unknown } | null | undefined)?._serialized;
  return typeof serialized === 'string' ? serialized : null;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function cleanText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed.slice(0, 300) : null;
}
