import type { WebjsMessage } from '../webjs/client-surface';
import { serializedKey } from './demo-ids';
import type { StoredMessage } from './demo-journal';

/** What a message needs to know of its phone and chat to look as whatsapp-web.js gives it. */
export interface ShapeContext {
  /** The linked phone's `…@c.us` and `…@lid`. */
  ownWid: string;
  ownLid: string;
  chatId: string;
  kind: 'user' | 'group' | 'status';
}

/**
 * A stored message in whatsapp-web.js's Message shape. As in WhatsApp Web builds since July
 * 2026, the key carries its serialized form under `$1` and has no `_serialized`. In an `@lid`
 * chat both sides use lids: our own messages come `from` our lid, so direction is `fromMe`.
 */
export function toWebjsMessage(context: ShapeContext, m: StoredMessage): WebjsMessage {
  const { chatId, kind } = context;
  const own = chatId.endsWith('@lid') ? context.ownLid : context.ownWid;
  const participant = kind === 'user' ? undefined : m.fromMe ? own : m.author;
  const id = {
    fromMe: m.fromMe,
    remote: chatId,
    id: m.id,
    ...(participant ? { participant } : {}),
    $1: serializedKey(m.fromMe, chatId, m.id, participant),
  };
  const from = m.fromMe ? own : chatId;
  const to = m.fromMe ? chatId : own;
  const notifyName = m.notifyName;
  const data = m.data ?? {};
  return {
    id,
    from,
    to,
    ...(participant ? { author: participant } : {}),
    body: m.body,
    timestamp: m.t,
    type: m.type,
    hasMedia: Boolean(m.media),
    ack: m.ack,
    fromMe: m.fromMe,
    isStatus: kind === 'status',
    broadcast: kind === 'status',
    ...kindFields(m),
    _data: {
      ...data,
      id, body: m.body, type: m.type, t: m.t, from, to, ack: m.ack,
      ...(notifyName ? { notifyName } : {}),
      ...(m.editedAt ? { latestEditSenderTimestampMs: m.editedAt } : {}),
    },
    // Like whatsapp-web.js's: the file as base64, undefined when the phone no longer has it.
    async downloadMedia() {
      const media = m.media;
      if (!media?.data) return undefined;
      return { mimetype: media.mimetype, data: media.data, filename: media.filename ?? null, filesize: media.size };
    },
  };
}

/** The fields whatsapp-web.js's Message derives from the raw model for kinds beyond text. */
function kindFields(m: StoredMessage): Partial<WebjsMessage> {
  const data = m.data ?? {};
  const fields: Partial<WebjsMessage> = {};
  if (m.type === 'location') {
    const [name, address] = typeof data.loc === 'string' ? data.loc.split('\n') : [];
    fields.location = { latitude: Number(data.lat), longitude: Number(data.lng), ...(name ? { name } : {}), ...(address ? { address } : {}) };
  }
  if (m.type === 'vcard') fields.vCards = [m.body];
  if (m.type === 'multi_vcard') fields.vCards = ((data.vcardList as { vcard: string }[] | undefined) ?? []).map((c) => c.vcard);
  if (data.quotedMsg) fields.hasQuotedMsg = true;
  if (m.editedAt) fields.latestEditSenderTimestampMs = m.editedAt;
  return fields;
}
