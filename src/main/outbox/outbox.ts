import fs from 'node:fs';
import type Database from 'better-sqlite3';
import type { AttachmentType } from '../../shared/domain';
import type { WakingClock } from '../base/clock';
import type { Logger } from '../base/logger';
import { nextOfficeDayStart, officeDay, officeTimeZoneOf } from '../base/office-day';
import type { Ingest } from '../ingest/ingest';
import { chatIdForPhone } from '../base/phone';
import { previewOf, type AttachmentRow, type MessageRow } from '../ingest/records';
import type { MediaStore } from '../media/media-store';
import type { AckUpdate, OutboundContent, TemplateSend } from '../whatsapp/transport';
import { classifySendError } from './send-errors';

export interface OutboxPolicy {
  /** Pause between two sends of one number, plus up to `paceJitterMs`: paced like a person, not a burst. */
  paceMs: number;
  paceJitterMs: number;
  /** Transient failures are retried this many times in all, with exponential backoff. */
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

export const defaultOutboxPolicy: OutboxPolicy = { paceMs: 1000, paceJitterMs: 1000, maxAttempts: 6, retryBaseMs: 5_000, retryMaxMs: 10 * 60_000 };

export type SendFn = (chatId: string, content: OutboundContent) => Promise<{ providerId: string | null }>;

export interface OutboxAttachment {
  type: AttachmentType;
  sha256: string;
  name: string;
  size: number;
  mimeType: string;
}

export interface OutboxEvents {
  /** A message's status (or error) changed. */
  changed(message: MessageRow): void;
  /** A send was counted against its number's daily quota (notifications watch 80% and 100%). */
  counted?(numberId: number): void;
}

/**
 * Outbound messages (architecture.md "Outbound"): a send is a `queued` row written in the
 * caller's transaction; a sender per connected number drains its queue in order, paced and
 * within the daily quota, retrying transient failures with backoff. A message is marked in
 * flight before the transport is asked, so after a crash it is matched against WhatsApp's
 * history (catch-up) rather than sent blindly a second time.
 */
export class Outbox {
  private readonly lanes = new Map<number, Lane>();
  /** Acks that arrived before the send call returned the id they refer to. */
  private readonly earlyAcks = new Map<string, { status: AckUpdate['status']; at: number }>();
  /** Who waits for a number's sender to have nothing it can send now. */
  private readonly idleWaiters = new Map<number, (() => void)[]>();
  /** The numbers whose messages a transaction wrote (enqueueInTransaction): woken once it has ended. */
  private readonly wakeAfterCommit = new Set<number>();
  private readonly q;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly ingest: Ingest,
    private readonly clock: WakingClock,
    private readonly events: OutboxEvents,
    private readonly logger: Logger,
    private readonly media: MediaStore,
    private readonly policy: OutboxPolicy = defaultOutboxPolicy,
  ) {
    this.q = {
      insert: sqlite.prepare<[number, number, string, string, string, number | null, string | null, number | null, string | null, number | null, string | null, number]>(
        `insert into messages (conversation_id, whatsapp_number_id, content, type, sender, sender_id, sender_name, template_id, status, media_status, quoted_message_id, client_id, created_at)
         values (?, ?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?, ?, ?)`,
      ),
      insertAttachment: sqlite.prepare<[number, string, string, string, number, string, number]>(
        'insert into message_attachments (message_id, type, sha256, name, size, mime_type, created_at) values (?, ?, ?, ?, ?, ?, ?)',
      ),
      setCloudTemplate: sqlite.prepare<[string, number]>("update messages set cloud_template = ? where id = ?"),
      attachments: sqlite.prepare<[number], AttachmentRow>('select * from message_attachments where message_id = ? order by id'),
      touch: sqlite.prepare<[string, number, number, number]>(
        'update conversations set last_message = ?, last_message_time = max(coalesce(last_message_time, 0), ?), updated_at = ? where id = ?',
      ),
      conversation: sqlite.prepare<[number], { id: number; whatsapp_number_id: number; wa_chat_id: string | null; phone: string | null; removed_at: number | null }>(
        `select c.id, c.whatsapp_number_id, c.wa_chat_id, ct.phone, n.removed_at
         from conversations c join contacts ct on ct.id = c.contact_id join whatsapp_numbers n on n.id = c.whatsapp_number_id where c.id = ?`,
      ),
      byId: sqlite.prepare<[number], MessageRow>('select * from messages where id = ?'),
      insertText: sqlite.prepare<[number, number, string, string, string | null, number | null, string | null, number], MessageRow>(
        `insert into messages (conversation_id, whatsapp_number_id, content, type, sender, sender_name, template_id, status, client_id, created_at)
         values (?, ?, ?, 'text', ?, ?, ?, 'queued', ?, ?) returning *`,
      ),
      providerIdOf: sqlite.prepare<[number], { whatsapp_message_id: string | null }>('select whatsapp_message_id from messages where id = ?'),
      byClientId: sqlite.prepare<[number, string], MessageRow>('select * from messages where conversation_id = ? and client_id = ?'),
      head: sqlite.prepare<[number], MessageRow>(
        "select * from messages where whatsapp_number_id = ? and status = 'queued' and in_flight_at is null order by id limit 1",
      ),
      quota: sqlite.prepare<[number], { quota_used: number; quota_limit: number; quota_day: string | null }>(
        'select quota_used, quota_limit, quota_day from whatsapp_numbers where id = ?',
      ),
      countSend: sqlite.prepare<[string, string, number]>(
        'update whatsapp_numbers set quota_used = case when quota_day = ? then quota_used + 1 else 1 end, quota_day = ? where id = ?',
      ),
      markInFlight: sqlite.prepare<[number, number]>('update messages set in_flight_at = ?, attempts = attempts + 1 where id = ?'),
      retryLater: sqlite.prepare<[number, string, number]>('update messages set in_flight_at = null, next_attempt_at = ?, error = ? where id = ?'),
      // The queued messages waiting on the daily quota say so (the reason clears when each is sent).
      holdForQuota: sqlite.prepare<[string, number, string], { id: number }>(
        "update messages set error = ? where whatsapp_number_id = ? and status = 'queued' and in_flight_at is null and error is not ? returning id",
      ),
      fail: sqlite.prepare<[string, string, number]>("update messages set status = 'failed', in_flight_at = null, error = ?, error_code = ? where id = ?"),
      holderOf: sqlite.prepare<[number, string], { id: number; sender: string }>(
        'select id, sender from messages where whatsapp_number_id = ? and whatsapp_message_id = ?',
      ),
      deleteEcho: sqlite.prepare<[number]>('delete from messages where id = ?'),
      sent: sqlite.prepare<[string | null, number]>(
        `update messages set whatsapp_message_id = coalesce(whatsapp_message_id, ?),
           status = case when status = 'queued' then 'sent' else status end,
           in_flight_at = null, next_attempt_at = null,
           -- A Cloud status may have failed it (with Meta's reason) before the send call returned.
           error = case when status = 'failed' then error end, error_code = case when status = 'failed' then error_code end
         where id = ?`,
      ),
      inFlight: sqlite.prepare<[number], { id: number }>("select id from messages where whatsapp_number_id = ? and status = 'queued' and in_flight_at is not null"),
      requeue: sqlite.prepare<[number]>('update messages set in_flight_at = null where id = ?'),
      requeueFailed: sqlite.prepare<[number]>(
        "update messages set status = 'queued', attempts = 0, next_attempt_at = null, error = null, error_code = null where id = ? and status = 'failed'",
      ),
    };
  }

  /** Writes a message as `queued` and returns it at once; it goes out when its number can send. */
  enqueue(input: {
    conversationId: number;
    content: string;
    sender: 'agent' | 'ai' | 'system';
    senderId: number | null;
    senderName: string | null;
    templateId?: number;
    /** A file from the media store; `content` is then its caption. */
    attachment?: OutboxAttachment;
    /** A reply to this message (ours, in the same conversation). */
    quotedMessageId?: number;
    /** The browser's id for this answer (the caller has checked it is new in the conversation). */
    clientId?: string;
    /** A Cloud API template: sent by name and language; `content` is the text the thread shows. */
    cloudTemplate?: TemplateSend;
  }): MessageRow {
    const { attachment } = input;
    const message = this.sqlite.transaction(() => {
      const conversation = this.q.conversation.get(input.conversationId);
      if (!conversation) throw new Error(`conversation ${input.conversationId} not found`);
      const now = this.clock.now();
      const type = attachment?.type ?? 'text';
      const info = this.q.insert.run(
        conversation.id, conversation.whatsapp_number_id, input.content, type, input.sender, input.senderId, input.senderName,
        input.templateId ?? null, attachment ? 'ready' : null, input.quotedMessageId ?? null, input.clientId ?? null, now,
      );
      const id = Number(info.lastInsertRowid);
      if (attachment) this.q.insertAttachment.run(id, attachment.type, attachment.sha256, attachment.name, attachment.size, attachment.mimeType, now);
      if (input.cloudTemplate) this.q.setCloudTemplate.run(JSON.stringify(input.cloudTemplate), id);
      this.q.touch.run(previewOf(input.content, type), now, now, conversation.id);
      return this.q.byId.get(id)!;
    })();
    // Inside a caller's transaction (an automation claim, a template send) the row is not
    // committed yet: the sender starts after the commit, or a crash in between could let
    // WhatsApp have a message the database then forgets (and sends again after a restart).
    if (this.sqlite.inTransaction) queueMicrotask(() => this.wake(message.whatsapp_number_id));
    else this.wake(message.whatsapp_number_id);
    return message;
  }

  /**
   * A text message queued inside the caller's transaction, for callers that write many at once
   * (the automation runner's batches): no savepoint of its own — the caller's transaction (or its
   * own savepoint) must cover it, since a throw between the insert and the conversation's update
   * would otherwise leave half of it — and the number's sender is woken once after the commit,
   * however many of its messages the transaction wrote. The caller has read the conversation.
   */
  enqueueInTransaction(input: {
    conversationId: number;
    whatsappNumberId: number;
    content: string;
    sender: 'agent' | 'ai' | 'system';
    senderName: string | null;
    templateId: number | null;
    clientId: string;
  }): MessageRow {
    if (!this.sqlite.inTransaction) throw new Error('enqueueInTransaction needs the caller\'s transaction');
    const now = this.clock.now();
    const message = this.q.insertText.get(input.conversationId, input.whatsappNumberId, input.content, input.sender, input.senderName, input.templateId, input.clientId, now)!;
    this.q.touch.run(previewOf(input.content, 'text'), now, now, input.conversationId);
    if (this.wakeAfterCommit.size === 0) queueMicrotask(() => this.wakeQueued());
    this.wakeAfterCommit.add(input.whatsappNumberId);
    return message;
  }

  private wakeQueued(): void {
    const numbers = [...this.wakeAfterCommit];
    this.wakeAfterCommit.clear();
    for (const numberId of numbers) this.wake(numberId);
  }

  /** The answer already stored under the browser's id, when this send is a repeat of it. */
  sentBefore(conversationId: number, clientId: string | undefined): MessageRow | undefined {
    return clientId === undefined ? undefined : this.q.byClientId.get(conversationId, clientId);
  }

  /** A message's files (the composer sends one at a time). */
  attachmentsOf(messageId: number): AttachmentRow[] {
    return this.q.attachments.all(messageId);
  }

  /** Queues a failed message again (the agent pressed retry). */
  retry(messageId: number): MessageRow | null {
    const changed = this.q.requeueFailed.run(messageId).changes > 0;
    const row = this.q.byId.get(messageId) ?? null;
    if (changed && row) {
      this.events.changed(row);
      this.wake(row.whatsapp_number_id);
    }
    return changed ? row : null;
  }

  /**
   * After a restart: messages left in flight were matched against WhatsApp's history by
   * catch-up; those still unmatched did not go out and are queued again. When the history
   * could not be read they are failed as `unconfirmed` instead: sending them blindly could
   * send them twice.
   */
  reconcile(numberId: number, historyRead: boolean): void {
    for (const { id } of this.q.inFlight.all(numberId)) {
      if (historyRead) this.q.requeue.run(id);
      else {
        this.q.fail.run('The app stopped while sending and WhatsApp history could not be checked', 'unconfirmed', id);
        this.events.changed(this.q.byId.get(id)!);
      }
    }
  }

  /** The number is connected: its queue drains through `send`. */
  open(numberId: number, send: SendFn): void {
    // A second ready (WhatsApp Web reloaded) replaces the lane: one drain per number, never two.
    this.close(numberId);
    this.lanes.set(numberId, { send, draining: false, again: false, timer: null, pause: null, closed: false });
    this.wake(numberId);
  }

  /** The number dropped: nothing more is sent until it is open again. */
  close(numberId: number): void {
    const lane = this.lanes.get(numberId);
    if (!lane) return;
    lane.closed = true;
    lane.timer?.();
    lane.timer = null;
    lane.pause?.();
    this.lanes.delete(numberId);
  }

  closeAll(): void {
    for (const id of [...this.lanes.keys()]) this.close(id);
  }

  wake(numberId: number): void {
    const lane = this.lanes.get(numberId);
    if (!lane) return;
    if (lane.draining) {
      lane.again = true;
      return;
    }
    void this.drain(numberId, lane);
  }

  /**
   * Resolves once the number's sender is open and has nothing it can send now: its queue is
   * empty or waits on a retry or the quota. What a restart or a reconnect would send twice, it
   * has sent by then (it opens only after catch-up has matched what WhatsApp already has).
   */
  whenIdle(numberId: number): Promise<void> {
    return new Promise((resolve) => {
      const lane = this.lanes.get(numberId);
      if (lane && !lane.draining) return resolve();
      this.idleWaiters.set(numberId, [...(this.idleWaiters.get(numberId) ?? []), resolve]);
    });
  }

  /** An ack from WhatsApp; kept a while if it came before the send returned its id. */
  ack(numberId: number, update: AckUpdate): MessageRow | null {
    const changed = this.ingest.applyAck(numberId, update);
    if (changed) return changed;
    if (!this.q.holderOf.get(numberId, update.providerId)) {
      this.pruneEarlyAcks();
      this.earlyAcks.set(`${numberId}|${update.providerId}`, { status: update.status, at: this.clock.now() });
    }
    return null;
  }

  private async drain(numberId: number, lane: Lane): Promise<void> {
    lane.draining = true;
    try {
      do {
        lane.again = false;
        while (!lane.closed) {
          const head = this.q.head.get(numberId);
          if (!head) break;
          const now = this.clock.now();
          if (head.next_attempt_at !== null && head.next_attempt_at > now) {
            this.wakeAt(numberId, lane, head.next_attempt_at);
            break;
          }
          const timeZone = officeTimeZoneOf(this.sqlite);
          const limit = this.exhaustedQuota(numberId, now, timeZone);
          if (limit !== null) {
            const resumeAt = nextOfficeDayStart(now, timeZone);
            this.logger.info('daily quota reached; sending resumes at the next office midnight', { numberId });
            this.holdForQuota(numberId, limit, resumeAt);
            this.wakeAt(numberId, lane, resumeAt);
            break;
          }
          await this.sendOne(head, lane);
          if (!lane.closed && this.policy.paceMs + this.policy.paceJitterMs > 0) {
            await this.pause(lane, this.clock.now() + this.policy.paceMs + Math.random() * this.policy.paceJitterMs);
          }
        }
      } while (lane.again && !lane.closed);
    } catch (error) {
      this.logger.error('outbox drain failed', { numberId, error: String(error) });
    } finally {
      lane.draining = false;
      if (this.lanes.get(numberId) === lane && !lane.closed) {
        const waiters = this.idleWaiters.get(numberId) ?? [];
        this.idleWaiters.delete(numberId);
        for (const resolve of waiters) resolve();
      }
    }
  }

  private async sendOne(message: MessageRow, lane: Lane): Promise<void> {
    const conversation = this.q.conversation.get(message.conversation_id);
    const chatId = conversation?.wa_chat_id ?? (conversation?.phone ? chatIdForPhone(conversation.phone) : null);
    if (!conversation || !chatId) {
      this.finish(message.id, () => this.q.fail.run('The customer has no WhatsApp address', 'invalid_recipient', message.id));
      return;
    }
    const content = this.contentOf(message);
    if (!content) {
      this.finish(message.id, () => this.q.fail.run('The file to send is no longer in the media folder', 'media_missing', message.id));
      return;
    }
    this.q.markInFlight.run(this.clock.now(), message.id);
    try {
      const { providerId } = await lane.send(chatId, content);
      this.finish(message.id, () => this.recordSent(message, providerId));
      this.events.counted?.(message.whatsapp_number_id);
    } catch (raw) {
      const error = classifySendError(raw);
      const attempts = message.attempts + 1;
      if (error.permanent) {
        this.finish(message.id, () => this.q.fail.run(error.message, error.code, message.id));
      } else if (attempts >= this.policy.maxAttempts) {
        this.finish(message.id, () => this.q.fail.run(error.message, 'too_many_attempts', message.id));
      } else {
        const delay = Math.min(this.policy.retryMaxMs, this.policy.retryBaseMs * 2 ** (attempts - 1));
        this.q.retryLater.run(this.clock.now() + delay, error.message, message.id);
        this.logger.warn('send failed; retrying', { messageId: message.id, attempts, delayMs: delay, error: error.message });
      }
    }
  }

  /** What goes to WhatsApp: the text, or the file (read from the media store) with its caption. */
  private contentOf(message: MessageRow): OutboundContent | null {
    const quoted = message.quoted_message_id === null ? undefined : this.q.providerIdOf.get(message.quoted_message_id)?.whatsapp_message_id;
    const file = this.fileOf(message);
    const content = file && message.cloud_template ? { ...file, template: JSON.parse(message.cloud_template) as TemplateSend } : file;
    // A reply whose original WhatsApp never confirmed goes as a plain message rather than not at all.
    const withQuote = content && quoted ? { ...content, quotedMessageId: quoted } : content;
    return withQuote && { ...withQuote, localId: message.id };
  }

  private fileOf(message: MessageRow): OutboundContent | null {
    // Only a message sent with a file has a media status: a text costs no second query.
    if (message.media_status === null) return { text: message.content };
    const [attachment] = this.q.attachments.all(message.id);
    if (!attachment) return { text: message.content };
    if (!this.media.has(attachment.sha256)) return null;
    const data = fs.readFileSync(this.media.pathOf(attachment.sha256));
    return {
      text: message.content,
      media: { type: attachment.type, mimeType: attachment.mime_type, name: attachment.name ?? `${attachment.type}`, data },
    };
  }

  private recordSent(message: MessageRow, providerId: string | null): void {
    const today = officeDay(this.clock.now(), officeTimeZoneOf(this.sqlite));
    this.q.countSend.run(today, today, message.whatsapp_number_id);
    if (providerId) {
      // WhatsApp may echo our message (message_create) before the send call returns; ingest
      // then matched it to this row already, or, if it could not, stored it as its own row.
      const holder = this.q.holderOf.get(message.whatsapp_number_id, providerId);
      if (holder && holder.id !== message.id) {
        const echo = this.q.byId.get(holder.id)!;
        this.ingest.stats.removed(echo, echo.sender === 'customer' ? 'in' : 'out', () => this.q.deleteEcho.run(holder.id));
      }
    }
    // Counted once, when it leaves the queue (the echo may have moved it on already).
    const leaving = this.q.byId.get(message.id);
    this.q.sent.run(providerId, message.id);
    if (leaving?.status === 'queued') this.ingest.stats.ourMessageSent(leaving);
    if (providerId) {
      const early = this.earlyAcks.get(`${message.whatsapp_number_id}|${providerId}`);
      if (early) {
        this.earlyAcks.delete(`${message.whatsapp_number_id}|${providerId}`);
        this.ingest.applyAck(message.whatsapp_number_id, { providerId, status: early.status });
      }
    }
  }

  /** Writes an outcome and tells the windows, unless the echo had already moved it there. */
  private finish(messageId: number, write: () => void): void {
    const before = this.q.byId.get(messageId);
    this.sqlite.transaction(write)();
    const row = this.q.byId.get(messageId);
    if (row && (row.status !== before?.status || row.error_code !== before.error_code)) this.events.changed(row);
  }

  /** Null while the number may send today; the day's limit once it is used up. */
  private exhaustedQuota(numberId: number, now: number, timeZone: string): number | null {
    const quota = this.q.quota.get(numberId);
    if (!quota) return 0;
    return quota.quota_day !== officeDay(now, timeZone) || quota.quota_used < quota.quota_limit ? null : quota.quota_limit;
  }

  /** The waiting messages say why they wait, and when sending resumes. */
  private holdForQuota(numberId: number, limit: number, resumeAt: number): void {
    const reason = `Daily limit of ${limit} messages reached; sending resumes at ${new Date(resumeAt).toISOString()}`;
    const held = this.q.holdForQuota.all(reason, numberId, reason);
    for (const { id } of held) this.events.changed(this.q.byId.get(id)!);
  }

  private wakeAt(numberId: number, lane: Lane, at: number): void {
    lane.timer?.();
    lane.timer = this.clock.wakeAt(at, () => {
      lane.timer = null;
      this.wake(numberId);
    });
  }

  /** The pace between two sends, on the clock; closing the lane ends it at once. */
  private pause(lane: Lane, until: number): Promise<void> {
    return new Promise((resolve) => {
      const cancel = this.clock.wakeAt(until, () => {
        lane.pause = null;
        resolve();
      });
      lane.pause = () => {
        cancel();
        lane.pause = null;
        resolve();
      };
    });
  }

  private pruneEarlyAcks(): void {
    const cutoff = this.clock.now() - 5 * 60_000;
    for (const [key, value] of this.earlyAcks) if (value.at < cutoff) this.earlyAcks.delete(key);
  }
}

interface Lane {
  send: SendFn;
  draining: boolean;
  again: boolean;
  /** Cancels the wake-up for a retry or the quota's midnight. */
  timer: (() => void) | null;
  /** Ends the pause between two sends. */
  pause: (() => void) | null;
  closed: boolean;
}
