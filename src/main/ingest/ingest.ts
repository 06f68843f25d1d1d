import type Database from 'better-sqlite3';
import type { MessageStatus } from '../../shared/domain';
import type { SendErrorCode } from '../../shared/inbox/types';
import type { Clock } from '../base/clock';
import type { AckUpdate, InboundMessage } from '../whatsapp/transport';
import { phoneFromWhatsApp } from '../base/phone';
import { StatsKeeper } from '../services/dashboard/stats-keeper';
import { MessageChanges } from './message-changes';
import { previewOf, type MessageRow } from './records';

/** System lines: shown centred, never counted unread, never reopen a conversation. */
const systemTypes = new Set(['notice', 'call']);
const mediaTypes = new Set(['image', 'video', 'audio', 'ptt', 'document', 'sticker']);

export type IngestResult =
  | { kind: 'stored'; conversationId: number; messageId: number; contactId: number; reopened: boolean; needsLid: string | null; hasMedia: boolean }
  /** Our own message from the outbox, now known by WhatsApp's id. */
  | { kind: 'matched'; conversationId: number; messageId: number }
  /** A stored message changed in place: decrypted at last, or its edit or deletion seen in catch-up. */
  | { kind: 'updated'; conversationId: number; messageId: number; hasMedia: boolean }
  | { kind: 'duplicate' }
  | { kind: 'ignored'; why: 'not_a_customer_chat' | 'no_customer_id' };

const statusRank: Record<MessageStatus, number> = { failed: -1, queued: 0, sent: 1, delivered: 2, read: 3 };

/**
 * The one way a WhatsApp message enters the database (architecture.md "Inbound"): one
 * transaction per message — contact, conversation (reopened if resolved), the message
 * (unique on number + WhatsApp id, so a repeat changes nothing), last message and unread
 * count. Prepared statements keep it fast enough for a catch-up of thousands of messages.
 */
export class Ingest {
  private readonly q;
  private readonly run: (numberId: number, message: InboundMessage) => IngestResult;
  /** Deletions, edits, reactions and votes on stored messages. */
  readonly changes: MessageChanges;
  /** The dashboard's figures, kept in each message's transaction. */
  readonly stats: StatsKeeper;
  /** The status and the dashboard's count of sent messages move in one transaction. */
  private readonly ackInTransaction: (numberId: number, ack: AckUpdate) => MessageRow | null;

  constructor(
    sqlite: Database.Database,
    private readonly clock: Clock,
  ) {
    this.changes = new MessageChanges(sqlite, clock);
    this.ackInTransaction = sqlite.transaction((numberId: number, ack: AckUpdate) => this.ackNow(numberId, ack));
    this.stats = new StatsKeeper(sqlite);
    this.q = {
      existing: sqlite.prepare<[number, string], MessageRow>('select * from messages where whatsapp_number_id = ? and whatsapp_message_id = ?'),
      contactByPhone: sqlite.prepare<[string], ContactRow>('select id, phone, name, wa_lid, wa_user_id from contacts where phone = ?'),
      contactByLid: sqlite.prepare<[string], ContactRow>('select id, phone, name, wa_lid, wa_user_id from contacts where wa_lid = ?'),
      contactByUserId: sqlite.prepare<[string], ContactRow>('select id, phone, name, wa_lid, wa_user_id from contacts where wa_user_id = ?'),
      insertContact: sqlite.prepare<[string | null, string | null, string | null, string | null, number, number]>(
        'insert into contacts (phone, wa_lid, wa_user_id, name, created_at, updated_at) values (?, ?, ?, ?, ?, ?)',
      ),
      fillContact: sqlite.prepare<[string | null, string | null, string | null, string | null, number, number]>(
        'update contacts set phone = coalesce(phone, ?), wa_lid = coalesce(wa_lid, ?), wa_user_id = coalesce(wa_user_id, ?), name = coalesce(name, ?), updated_at = ? where id = ?',
      ),
      conversation: sqlite.prepare<[number, number], { id: number; status: string; last_message_time: number | null; open: 0 | 1 }>(
        'select id, status, last_message_time, open_started_at is not null as open from conversations where contact_id = ? and whatsapp_number_id = ?',
      ),
      // A new conversation is written once with its first message as the last one: an insert
      // followed by an update would move it in every list index twice.
      // A customer's first message also opens the conversation's first episode on the row (the
      // dashboard's, conversations.open_started_at), in the same write rather than an update after it.
      insertConversation: sqlite.prepare<[{ contact: number; number: number; chat: string; preview: string; time: number; unread: number; now: number; openAt: number | null }]>(
        `insert into conversations (contact_id, whatsapp_number_id, status, wa_chat_id, last_message, last_message_time, unread_count, has_unread, customer_sort_name, created_at, updated_at,
                                    open_started_at)
         values (@contact, @number, 'active', @chat, @preview, @time, @unread, @unread > 0, coalesce((select coalesce(name, phone, '') from contacts where id = @contact), ''), @now, @now,
                 @openAt)`,
      ),
      insertMessage: sqlite.prepare<[number, number, string, string, string, string | null, string, string, string | null, string | null, number | null, string | null, number | null, number | null, string | null, number]>(
        `insert into messages (conversation_id, whatsapp_number_id, content, type, sender, sender_name, status, whatsapp_message_id, media_status,
                               meta, quoted_message_id, quoted_wa_id, edited_at, deleted_at, raw, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      // A reply's original, by WhatsApp's id in the same chat (either side may have written it).
      // whatsapp-web.js names it `<fromMe>_<chat>_<stanza>`; the Cloud API by its wamid alone.
      quoted: sqlite.prepare<[number, string, string, string], { id: number }>(
        'select id from messages where whatsapp_number_id = ? and whatsapp_message_id in (?, ?, ?)',
      ),
      // A message that could not be decrypted, now arrived in full: it takes its real content in place.
      decrypted: sqlite.prepare<[{ id: number; content: string; type: string; sender: string; media: string | null; meta: string | null; quotedId: number | null; quotedWa: string | null; raw: string | null }]>(
        `update messages set content = @content, type = @type, sender = @sender, media_status = @media, meta = @meta,
           quoted_message_id = @quotedId, quoted_wa_id = @quotedWa, raw = @raw where id = @id`,
      ),
      // Three forms, each setting only what changes: SQLite rewrites a row's entry in every
      // index on a column the UPDATE sets, whether or not its value changed.
      touchConversation: {
        preview: sqlite.prepare<[{ preview: string; id: number; time: number }]>('update conversations set last_message = @preview where id = @id and last_message_time = @time'),
        inbound: sqlite.prepare<[Touch]>(`update conversations set ${touchSets}, unread_count = unread_count + 1 where id = @id`),
        reopened: sqlite.prepare<[Touch]>(`update conversations set ${touchSets}, unread_count = unread_count + 1, status = 'active' where id = @id`),
        own: sqlite.prepare<[Touch]>(`update conversations set ${touchSets} where id = @id`),
      },
      outboxTwin: sqlite.prepare<[number, string], MessageRow>(
        `select * from messages
         where conversation_id = ? and whatsapp_message_id is null and sender in ('agent', 'ai', 'system')
           and ((status = 'queued' and in_flight_at is not null) or status = 'sent') and content = ?
         order by id limit 1`,
      ),
      attachProviderId: sqlite.prepare<[string, number]>(
        "update messages set whatsapp_message_id = ?, status = case when status = 'queued' then 'sent' else status end, in_flight_at = null where id = ?",
      ),
      byProviderId: sqlite.prepare<[number, string], MessageRow>('select * from messages where whatsapp_number_id = ? and whatsapp_message_id = ?'),
      setStatus: sqlite.prepare<[string, number]>('update messages set status = ? where id = ?'),
      setFailed: sqlite.prepare<[string | null, string | null, number]>("update messages set status = 'failed', in_flight_at = null, error = ?, error_code = ? where id = ?"),
      // A Cloud status naming our message (biz_opaque_callback_data) before the send response gave its wamid.
      byLocalId: sqlite.prepare<[number, number], MessageRow>(
        "select * from messages where id = ? and whatsapp_number_id = ? and whatsapp_message_id is null and sender in ('agent', 'ai', 'system')",
      ),
      attachWamid: sqlite.prepare<[string, number]>('update messages set whatsapp_message_id = ? where id = ? and whatsapp_message_id is null'),
    };
    this.run = sqlite.transaction((numberId: number, message: InboundMessage) => this.store(numberId, message));
  }

  ingest(numberId: number, message: InboundMessage): IngestResult {
    if (message.chatKind !== 'user') return { kind: 'ignored', why: 'not_a_customer_chat' };
    if (!message.customerPhone && !message.customerLid && !message.customerUserId) return { kind: 'ignored', why: 'no_customer_id' };
    return this.run(numberId, message);
  }

  /**
   * Moves a sent message's status forward only: a late `delivered` never turns `read` back,
   * and nothing turns a message back to queued. Returns the message when it changed.
   */
  applyAck(numberId: number, ack: AckUpdate): MessageRow | null {
    return this.ackInTransaction(numberId, ack);
  }

  private ackNow(numberId: number, ack: AckUpdate): MessageRow | null {
    let row = this.q.byProviderId.get(numberId, ack.providerId);
    if (!row && ack.localId !== undefined) {
      // The status outran the send response: our own id names the message, which takes the wamid now.
      const mine = this.q.byLocalId.get(ack.localId, numberId);
      if (mine && this.q.attachWamid.run(ack.providerId, mine.id).changes > 0) row = { ...mine, whatsapp_message_id: ack.providerId };
    }
    if (!row) return null;
    if (ack.status === 'failed') {
      if (statusRank[row.status] >= statusRank.delivered || row.status === 'failed') return null;
      // A Cloud failure says why (Meta's code and title): the thread shows the reason.
      const reason = ack.error ? this.failureOf(ack.error) : null;
      const failed = row;
      this.stats.statusChanged(failed, 'failed', () => this.q.setFailed.run(reason?.message ?? failed.error, reason?.code ?? failed.error_code, failed.id));
      return { ...row, status: 'failed', in_flight_at: null, error: reason?.message ?? row.error, error_code: reason?.code ?? row.error_code };
    } else if (statusRank[ack.status] <= statusRank[row.status] || (row.status === 'failed' && row.error !== null && ack.status === 'sent')) {
      // A late `sent` does not undo a failure that said why (a Cloud status: they arrive out of
      // order); whatsapp-web.js's bare early failure is overtaken when it says the message went.
      return null;
    }
    const moved = row;
    this.stats.statusChanged(moved, ack.status, () => this.q.setStatus.run(ack.status, moved.id));
    return { ...row, status: ack.status };
  }

  /** How a Cloud API failure reads on a message (the Cloud webhook sets it; whatsapp-web.js's failures carry none). */
  failureOf: (error: { code: number; title: string }) => { code: SendErrorCode; message: string } = (error) => ({ code: 'rejected', message: `${error.title} (${error.code})` });

  private store(numberId: number, message: InboundMessage): IngestResult {
    const existing = this.q.existing.get(numberId, message.providerId);
    if (existing) return this.again(existing, message);
    const now = this.clock.now();
    const phone = message.customerPhone ? phoneFromWhatsApp(message.customerPhone) : null;
    const contact = this.contactFor(phone, message.customerLid, message.customerUserId ?? null, message.fromMe ? null : message.profileName, now);

    const preview = previewOf(message.body, message.type);
    let conversation = this.q.conversation.get(contact.id, numberId);
    const created = !conversation;
    const system = systemTypes.has(message.type);
    const reopened = !!conversation && conversation.status === 'resolved' && !message.fromMe && !system;
    if (!conversation) {
      // A customer's message opens the new conversation's first episode (stats.customerMessage then leaves it be).
      const opens = !message.fromMe && !system && this.stats.opensEpisodeOnInsert();
      const info = this.q.insertConversation.run({
        contact: contact.id,
        number: numberId,
        chat: message.chatId,
        preview,
        time: message.timestamp,
        unread: message.fromMe || system ? 0 : 1,
        now,
        openAt: opens ? message.timestamp : null,
      });
      conversation = { id: Number(info.lastInsertRowid), status: 'active', last_message_time: message.timestamp, open: opens ? 1 : 0 };
    }

    if (message.fromMe) {
      // Our own message: either one the outbox sent (WhatsApp echoes it, possibly before the
      // send call returned, or after a crash cut it short) or one typed on the phone itself.
      const twin = system ? undefined : this.q.outboxTwin.get(conversation.id, message.body);
      if (twin) {
        this.q.attachProviderId.run(message.providerId, twin.id);
        // A crash cut the send short: the echo is how the outbox's message is known to have left.
        if (twin.status === 'queued') this.stats.ourMessageSent(twin);
        return { kind: 'matched', conversationId: conversation.id, messageId: twin.id };
      }
    }

    const sender = system ? 'system' : message.fromMe ? 'agent' : 'customer';
    const status = message.fromMe ? 'sent' : 'delivered';
    const quotedId = this.quotedId(numberId, message);
    const info = this.q.insertMessage.run(
      conversation.id,
      numberId,
      message.body,
      message.type === 'chat' ? 'text' : message.type,
      sender,
      message.fromMe || system ? null : message.profileName,
      status,
      message.providerId,
      // The file is fetched after the commit (media-fetcher): a download never holds the write lock.
      mediaStatusFor(message),
      message.meta ? JSON.stringify(message.meta) : null,
      quotedId,
      message.quotedStanzaId ?? null,
      message.editedAt ?? null,
      // A deletion whose original we never had (catch-up): shown as deleted all the same.
      message.type === 'revoked' ? message.timestamp : null,
      message.raw ?? null,
      message.timestamp,
    );
    const stored = { id: Number(info.lastInsertRowid), conversation_id: conversation.id, whatsapp_number_id: numberId, sender, sender_id: null, type: message.type === 'chat' ? 'text' : message.type, created_at: message.timestamp };
    // Late: written before the conversation's last message (a catch-up, or one delayed on the way).
    const late = !created && conversation.last_message_time !== null && message.timestamp < conversation.last_message_time;
    if (sender === 'customer') this.stats.customerMessage(stored, contact.id, { reopened, late, created, open: conversation.open === 1 });
    else if (sender === 'agent') this.stats.ourMessageSent(stored);
    if (!created) {
      const touch = message.fromMe || system ? this.q.touchConversation.own : reopened ? this.q.touchConversation.reopened : this.q.touchConversation.inbound;
      touch.run({ preview, time: message.timestamp, now, chat: message.chatId, id: conversation.id });
    }
    return {
      kind: 'stored',
      conversationId: conversation.id,
      messageId: stored.id,
      contactId: contact.id,
      reopened,
      needsLid: contact.phone ? null : contact.wa_lid,
      hasMedia: mediaStatusFor(message) === 'pending',
    };
  }

  /**
   * A message already stored comes again: a repeat (nothing changes), a message that could
   * not be decrypted arriving in full, or catch-up showing it deleted or edited since.
   */
  private again(row: MessageRow, message: InboundMessage): IngestResult {
    const same: IngestResult = { kind: 'duplicate' };
    if (row.type === 'ciphertext' && message.type !== 'ciphertext' && message.type !== 'revoked') {
      const system = systemTypes.has(message.type);
      this.stats.retyped(row, message.type === 'chat' ? 'text' : message.type, row.sender === 'customer' ? 'in' : 'out');
      this.q.decrypted.run({
        id: row.id,
        content: message.body,
        type: message.type === 'chat' ? 'text' : message.type,
        sender: system ? 'system' : row.sender,
        media: mediaStatusFor(message),
        meta: message.meta ? JSON.stringify(message.meta) : null,
        quotedId: this.quotedId(row.whatsapp_number_id, message),
        quotedWa: message.quotedStanzaId ?? null,
        raw: message.raw ?? null,
      });
      this.q.touchConversation.preview.run({ preview: previewOf(message.body, message.type), id: row.conversation_id, time: row.created_at });
      return { kind: 'updated', conversationId: row.conversation_id, messageId: row.id, hasMedia: mediaStatusFor(message) === 'pending' };
    }
    const changed =
      message.type === 'revoked'
        ? this.changes.revoke(row, message.editedAt ?? message.timestamp)
        : message.editedAt && message.type !== 'ciphertext'
          ? this.changes.edit(row, message.body, message.editedAt)
          : null;
    return changed ? { kind: 'updated', conversationId: row.conversation_id, messageId: row.id, hasMedia: false } : same;
  }

  private quotedId(numberId: number, message: InboundMessage): number | null {
    const stanza = message.quotedStanzaId;
    if (!stanza) return null;
    return this.q.quoted.get(numberId, `false_${message.chatId}_${stanza}`, `true_${message.chatId}_${stanza}`, stanza)?.id ?? null;
  }

  /** Finds the customer by phone, then by lid, then by Cloud user id; fills in what was missing; creates them if new. */
  private contactFor(phone: string | null, lid: string | null, userId: string | null, name: string | null, now: number): ContactRow {
    const found =
      (phone ? this.q.contactByPhone.get(phone) : undefined) ?? (lid ? this.q.contactByLid.get(lid) : undefined) ?? (userId ? this.q.contactByUserId.get(userId) : undefined);
    if (found) {
      // A user id already on another contact stays there (it is unique): this one keeps its own.
      const addUserId = userId && !found.wa_user_id && !this.q.contactByUserId.get(userId) ? userId : null;
      if ((phone && !found.phone) || (lid && !found.wa_lid) || addUserId || (name && !found.name)) {
        this.q.fillContact.run(phone, lid, addUserId, name, now, found.id);
        return { ...found, phone: found.phone ?? phone, wa_lid: found.wa_lid ?? lid, wa_user_id: found.wa_user_id ?? addUserId, name: found.name ?? name };
      }
      return found;
    }
    const info = this.q.insertContact.run(phone, lid, userId, name, now, now);
    return { id: Number(info.lastInsertRowid), phone, name, wa_lid: lid, wa_user_id: userId };
  }
}

/**
 * A file to fetch after the commit. Our own photo typed on the phone may still be uploading
 * when its echo arrives (no `hasMedia` yet): it is fetched all the same, so it shows as a photo.
 */
function mediaStatusFor(message: InboundMessage): 'pending' | null {
  if (message.hasMedia) return 'pending';
  return message.fromMe && mediaTypes.has(message.type) ? 'pending' : null;
}

interface Touch {
  preview: string;
  time: number;
  now: number;
  chat: string;
  id: number;
}

const touchSets = `last_message = case when last_message_time is null or @time >= last_message_time then @preview else last_message end,
  last_message_time = max(coalesce(last_message_time, 0), @time),
  updated_at = @now,
  wa_chat_id = @chat`;

interface ContactRow {
  id: number;
  phone: string | null;
  name: string | null;
  wa_lid: string | null;
  wa_user_id: string | null;
}
