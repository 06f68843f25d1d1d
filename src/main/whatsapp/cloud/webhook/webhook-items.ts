import { rawPayloadCap, type ContactCard, type MessageMeta } from '../../../../shared/inbox/message-meta';
import type { AckUpdate, InboundMessage, MessageChange } from '../../transport';
import { localIdFromOpaque } from '../local-id-statuses';
import { cloudChangeSchema, cloudContactSchema, cloudMessageSchema, cloudStatusSchema, cloudWebhookSchema, type CloudContact, type CloudMessage, type CloudStatus } from './payload-schema';

/** What one webhook body asks of ingest, item by item, each tagged with the Cloud number it is for. */
export type WebhookItem =
  | { kind: 'message'; phoneNumberId: string; message: InboundMessage; media: { id: string; fileName: string | null } | null }
  | { kind: 'change'; phoneNumberId: string; change: MessageChange }
  | { kind: 'status'; phoneNumberId: string; ack: AckUpdate }
  /** Logged, nothing else: Meta's `value.errors`, other fields, items we cannot read. Never the body. */
  | { kind: 'skipped'; phoneNumberId: string | null; why: string };

const statuses = new Set<AckUpdate['status']>(['sent', 'delivered', 'read', 'failed']);

/**
 * Every entry, every change, every message and status of a Meta webhook (never only `[0]`), as
 * the same events whatsapp-web.js feeds ingest. `receivedAt` stands in only for a missing
 * timestamp: Meta's own (seconds) is when the customer wrote.
 */
export function webhookItems(body: unknown, receivedAt: number): WebhookItem[] {
  const parsed = cloudWebhookSchema.safeParse(body);
  if (!parsed.success) return [{ kind: 'skipped', phoneNumberId: null, why: 'not_a_webhook' }];
  if (parsed.data.object !== 'whatsapp_business_account') return [{ kind: 'skipped', phoneNumberId: null, why: `object_${String(parsed.data.object)}` }];
  const items: WebhookItem[] = [];
  for (const entry of parsed.data.entry) {
    for (const rawChange of entry.changes ?? []) {
      const change = cloudChangeSchema.safeParse(rawChange);
      if (!change.success) {
        items.push({ kind: 'skipped', phoneNumberId: null, why: 'unreadable_change' });
        continue;
      }
      const value = change.data.value;
      const phoneNumberId = value?.metadata?.phone_number_id ?? null;
      if (change.data.field !== 'messages' || !value || !phoneNumberId) {
        items.push({ kind: 'skipped', phoneNumberId, why: `field_${String(change.data.field)}` });
        continue;
      }
      if (value.errors && value.errors.length > 0) items.push({ kind: 'skipped', phoneNumberId, why: 'value_errors' });
      const senders = (value.contacts ?? []).map((c) => cloudContactSchema.safeParse(c)).flatMap((c) => (c.success ? [c.data] : []));
      for (const raw of value.messages ?? []) {
        const message = cloudMessageSchema.safeParse(raw);
        if (!message.success) items.push({ kind: 'skipped', phoneNumberId, why: 'unreadable_message' });
        else items.push(messageItem(phoneNumberId, message.data, raw, senders, receivedAt));
      }
      for (const raw of value.statuses ?? []) {
        const status = cloudStatusSchema.safeParse(raw);
        if (!status.success) items.push({ kind: 'skipped', phoneNumberId, why: 'unreadable_status' });
        else items.push(statusItem(phoneNumberId, status.data));
      }
    }
  }
  return items;
}

/** The chat id a Cloud customer is kept under: `<digits>@c.us` like any phone, else `<user id>@bsuid`. */
export function cloudChatId(phoneDigits: string | null, userId: string | null): string | null {
  if (phoneDigits) return `${phoneDigits}@c.us`;
  return userId ? `${userId}@bsuid` : null;
}

function messageItem(phoneNumberId: string, m: CloudMessage, raw: unknown, senders: CloudContact[], receivedAt: number): WebhookItem {
  const phone = digits(m.from);
  const userId = clean(m.from_user_id, 100);
  // The sender's name comes from `value.contacts`, matched by wa_id (or user id): never from a contact card the message shares.
  const sender = senders.find((c) => (phone && digits(c.wa_id) === phone) || (userId && c.user_id === userId)) ?? (senders.length === 1 ? senders[0] : undefined);
  const senderUserId = userId ?? clean(sender?.user_id, 100);
  const profileName = clean(sender?.profile?.name, 100) ?? clean(sender?.profile?.username, 100);
  const chatId = cloudChatId(phone, senderUserId);
  if (!chatId) return { kind: 'skipped', phoneNumberId, why: 'no_sender' };
  if (m.type === 'reaction' && m.reaction) {
    // A reaction lands on its target; no emoji means it was taken back.
    return { kind: 'change', phoneNumberId, change: { kind: 'reaction', providerId: m.reaction.message_id, senderId: chatId, emoji: m.reaction.emoji ?? '' } };
  }
  const meta: MessageMeta = {};
  if (m.context?.forwarded || m.context?.frequently_forwarded) meta.forwarded = true;
  const kind = kindOf(m, meta);
  return {
    kind: 'message',
    phoneNumberId,
    media: kind.media,
    message: {
      providerId: m.id,
      chatId,
      fromMe: false,
      chatKind: 'user',
      customerPhone: phone,
      customerLid: null,
      customerUserId: senderUserId,
      profileName,
      body: kind.body,
      type: kind.type,
      hasMedia: kind.media !== null,
      timestamp: secondsToMs(m.timestamp) ?? receivedAt,
      ...(Object.keys(meta).length > 0 ? { meta } : {}),
      ...(m.context?.id ? { quotedStanzaId: m.context.id } : {}),
      ...(kind.type === 'unsupported' ? { raw: rawOf(raw) } : {}),
    },
  };
}

function kindOf(m: CloudMessage, meta: MessageMeta): { type: string; body: string; media: { id: string; fileName: string | null } | null } {
  const plain = (type: string, body: string | null | undefined) => ({ type, body: body ?? '', media: null });
  switch (m.type) {
    case 'text':
      if (m.text) return plain('chat', m.text.body);
      break;
    case 'image':
    case 'video':
    case 'sticker':
    case 'audio':
    case 'document': {
      const file = m[m.type];
      if (!file) break;
      const type = m.type === 'audio' && file.voice ? 'ptt' : m.type;
      return { type, body: file.caption ?? '', media: { id: file.id, fileName: m.type === 'document' ? clean(file.filename, 255) : null } };
    }
    case 'location':
      if (m.location && Number.isFinite(m.location.latitude) && Number.isFinite(m.location.longitude)) {
        const { latitude, longitude } = m.location;
        const name = clean(m.location.name, 300);
        const address = clean(m.location.address, 300);
        meta.location = { latitude, longitude, name, address, url: clean(m.location.url, 300) };
        return plain('location', name ?? address ?? '');
      }
      break;
    case 'contacts':
      if (m.contacts) {
        const cards: ContactCard[] = m.contacts.map((c) => ({
          name: clean(c.name?.formatted_name, 200) ?? ([c.name?.first_name, c.name?.last_name].filter(Boolean).join(' ') || ''),
          phones: (c.phones ?? []).flatMap((p) => {
            const wa = digits(p.wa_id);
            if (wa) return [`+${wa}`];
            const phone = clean(p.phone, 50);
            return phone ? [phone] : [];
          }),
        }));
        meta.contacts = cards;
        return plain('contacts', cards.map((c) => c.name).join('، '));
      }
      break;
    case 'interactive': {
      const reply = m.interactive?.button_reply ?? m.interactive?.list_reply;
      if (reply?.title) return plain('chat', reply.title);
      break;
    }
    case 'button':
      if (m.button) return plain('chat', m.button.text ?? m.button.payload);
      break;
    case 'system': {
      // The same system lines whatsapp-web.js reports, so the thread words them alike (ar/en).
      const system = m.system?.type;
      if (system === 'user_changed_number' || system === 'customer_changed_number') {
        const newPhone = digits(m.system?.new_wa_id) ?? digits(m.system?.wa_id);
        meta.notice = { type: 'number_changed', newPhone: newPhone ? `+${newPhone}` : null };
        return plain('notice', '');
      }
      if (system === 'customer_identity_changed') {
        meta.notice = { type: 'security_code' };
        return plain('notice', '');
      }
      break;
    }
  }
  // Unsupported by Meta itself, orders, other system lines, types added later: kept, with what Meta sent.
  meta.waType = m.type.slice(0, 50);
  return { type: 'unsupported', body: '', media: null };
}

function statusItem(phoneNumberId: string, s: CloudStatus): WebhookItem {
  const status = s.status as AckUpdate['status'];
  if (!statuses.has(status)) return { kind: 'skipped', phoneNumberId, why: `status_${s.status.slice(0, 30)}` };
  const first = s.errors?.[0];
  const localId = localIdFromOpaque(s.biz_opaque_callback_data);
  return {
    kind: 'status',
    phoneNumberId,
    ack: {
      providerId: s.id,
      status,
      ...(status === 'failed' && first ? { error: { code: first.code ?? 0, title: clean(first.title ?? first.message, 300) ?? '' } } : {}),
      ...(localId !== null ? { localId } : {}),
    },
  };
}

function rawOf(raw: unknown): string {
  const json = JSON.stringify(raw);
  return json.length > rawPayloadCap ? JSON.stringify({ type: (raw as { type?: unknown }).type ?? null, truncated: true }) : json;
}

function secondsToMs(value: string | number | null | undefined): number | null {
  const seconds = Number(value);
  return Number.isFinite(seconds) && seconds > 0 ? Math.round(seconds * 1000) : null;
}

function digits(value: string | null | undefined): string | null {
  return typeof value === 'string' && /^[1-9]\d{5,14}$/.test(value) ? value : null;
}

function clean(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed.length > 0 ? trimmed.slice(0, max) : null;
}
