import type Database from 'better-sqlite3';
import type { Clock } from '../base/clock';
import type { Logger } from '../base/logger';
import type { Audience, EventBus } from '../events/event-bus';
import type { Ingest, IngestResult } from '../ingest/ingest';
import { linkLidToPhone } from '../ingest/lid-merge';
import { conversationReader, messageViewReader, toMessageView, type MessageRow } from '../ingest/records';
import type { MediaFetcher } from '../media/media-fetcher';
import type { Outbox } from '../outbox/outbox';
import type { SessionObserver } from './session-manager';
import type { AckUpdate, InboundMessage, InboundSource, MessageChange, Transport } from './transport';

const catchUpBatch = 100;

export interface CatchUpPolicy {
  /** How far back a catch-up reaches at most, and on a number's first link. */
  maxLookbackMs: number;
  firstLinkLookbackMs: number;
  /** Look back a little before the last stored message: clocks differ, acks race. */
  overlapMs: number;
  maxChats: number;
  perChat: number;
  /** When to ask WhatsApp again for an `@lid` customer's phone (it often knows only later). */
  lidRetryMs: number[];
}

export const defaultCatchUpPolicy: CatchUpPolicy = {
  maxLookbackMs: 14 * 24 * 60 * 60_000,
  firstLinkLookbackMs: 24 * 60 * 60_000,
  overlapMs: 5 * 60_000,
  maxChats: 100,
  perChat: 100,
  lidRetryMs: [0, 15_000, 2 * 60_000, 15 * 60_000],
};

/**
 * Joins the sessions to the inbox: inbound messages and acks go through ingest, a ready
 * number catches up on what it missed and then opens its outbox, and every change is
 * published as seed 003's events.
 */
export class MessagePipeline implements SessionObserver {
  private readonly readConversation;
  private readonly messageById;
  private readonly readViews;
  private readonly lidTimers = new Set<NodeJS.Timeout>();
  /** Told when a number's status changes; the numbers service publishes it. */
  onStatus: (numberId: number) => void = () => {};
  /** Fetches received files after their message is stored (the core sets it). */
  media: MediaFetcher | null = null;
  /** Who hears about a number's conversations (the core sets it from number access); nobody until then. */
  audienceFor: (numberId: number) => Audience = () => ({ kind: 'users', userIds: [] });

  constructor(
    private readonly deps: { sqlite: Database.Database; clock: Clock; logger: Logger; bus: EventBus; ingest: Ingest; outbox: Outbox },
    private readonly policy: CatchUpPolicy = defaultCatchUpPolicy,
  ) {
    this.readConversation = conversationReader(deps.sqlite);
    this.messageById = deps.sqlite.prepare<[number], MessageRow>('select * from messages where id = ?');
    this.readViews = messageViewReader(deps.sqlite);
  }

  statusChanged(numberId: number): void {
    this.onStatus(numberId);
  }

  async ready(numberId: number, transport: Transport): Promise<void> {
    const historyRead = await this.catchUp(numberId, transport);
    this.deps.outbox.reconcile(numberId, historyRead);
    this.deps.outbox.open(numberId, (chatId, content) => transport.send(chatId, content));
    void this.media?.retryPending(numberId, transport);
  }

  dropped(numberId: number): void {
    this.deps.outbox.close(numberId);
  }

  message(numberId: number, message: InboundMessage, transport: InboundSource): void {
    this.take(numberId, message, transport);
  }

  ack(numberId: number, ack: AckUpdate): void {
    const changed = this.deps.outbox.ack(numberId, ack);
    if (changed) this.publishStatus(changed);
  }

  /** A stored message was deleted, edited, reacted to or voted on; or a customer changed number. */
  change(numberId: number, change: MessageChange, transport: InboundSource): void {
    if (change.kind === 'number_changed') {
      const moved = this.deps.sqlite.transaction(() => this.deps.ingest.changes.changeNumber(this.deps.sqlite, change.oldPhone, change.newPhone, change.newChatId))();
      for (const id of moved) this.publishConversation(id);
      if (change.notice) this.take(numberId, change.notice, transport);
      return;
    }
    const { changes } = this.deps.ingest;
    let changed: MessageRow | null = null;
    try {
      changed = this.deps.sqlite.transaction(() => {
        const row = changes.find(numberId, change.providerId);
        if (!row) return null;
        if (change.kind === 'revoke') return changes.revoke(row, change.at);
        if (change.kind === 'edit') return changes.edit(row, change.body, change.at);
        if (change.kind === 'reaction') return changes.react(row, change.senderId, change.emoji);
        return changes.vote(row, change.voterId, change.optionIds);
      })();
    } catch (error) {
      this.deps.logger.error('message change failed', { numberId, kind: change.kind, error: String(error) });
    }
    if (!changed) return;
    this.publishMessage(changed.id);
    if (change.kind === 'revoke' || change.kind === 'edit') this.publishConversation(changed.conversation_id);
  }

  /** An outbox message changed (sent, failed, queued again). A send also moves the number's count of the day. */
  publishStatus(row: MessageRow): void {
    if (row.status === 'sent') this.onStatus(row.whatsapp_number_id);
    this.deps.bus.publish(
      'message.status',
      { conversationId: row.conversation_id, messageId: row.id, status: row.status, error: row.error, errorCode: toMessageView(row).errorCode },
      this.audienceFor(row.whatsapp_number_id),
    );
  }

  publishNew(row: MessageRow): void {
    const [message] = this.readViews([row]);
    this.deps.bus.publish('message.new', { conversationId: row.conversation_id, message: message! }, this.audienceFor(row.whatsapp_number_id));
    this.publishConversation(row.conversation_id);
  }

  /** A message changed in place (its file arrived): windows showing it redraw it. */
  publishMessage(messageId: number): void {
    const row = this.messageById.get(messageId);
    if (!row) return;
    const [message] = this.readViews([row]);
    this.deps.bus.publish('message.update', { conversationId: row.conversation_id, message: message! }, this.audienceFor(row.whatsapp_number_id));
  }

  publishConversation(conversationId: number): void {
    const conversation = this.readConversation(conversationId);
    if (conversation) this.deps.bus.publish('conversation.update', { conversationId, conversation }, this.audienceFor(conversation.whatsappNumberId));
  }

  close(): void {
    this.media?.close();
    for (const timer of this.lidTimers) clearTimeout(timer);
    this.lidTimers.clear();
  }

  /**
   * Fetches each recent chat's messages since the last one stored (or since an in-flight
   * send began) through the same ingest, so nothing is doubled. False when WhatsApp's
   * history could not be read.
   */
  private async catchUp(numberId: number, transport: Transport): Promise<boolean> {
    const now = this.deps.clock.now();
    const marks = this.deps.sqlite
      .prepare<[number, number], { last: number | null; inflight: number | null }>(
        // A conversation's last message time is its newest message's (ingest, outbox and lid
        // merge keep it so), read off the number's list index: messages keep no index by number.
        `select (select max(last_message_time) from conversations where whatsapp_number_id = ?) as last,
                (select min(in_flight_at) from messages where whatsapp_number_id = ? and status = 'queued' and in_flight_at is not null) as inflight`,
      )
      .get(numberId, numberId)!;
    const from = Math.min(marks.last ?? now - this.policy.firstLinkLookbackMs, marks.inflight ?? Number.POSITIVE_INFINITY) - this.policy.overlapMs;
    const since = Math.max(from, now - this.policy.maxLookbackMs);
    try {
      const messages = await transport.recentMessages(since, { maxChats: this.policy.maxChats, perChat: this.policy.perChat });
      let stored = 0;
      // A catch-up can bring thousands of messages: they are committed a hundred at a time
      // (each still its own savepoint, so one bad message rolls back alone), then published.
      for (let i = 0; i < messages.length; i += catchUpBatch) {
        const batch = messages.slice(i, i + catchUpBatch);
        const results = this.deps.sqlite.transaction(() => batch.map((message) => this.ingestOne(numberId, message)))();
        for (const result of results) if (this.publishResult(numberId, result, transport)) stored++;
      }
      this.deps.logger.info('catch-up done', { numberId, seen: messages.length, stored });
      return true;
    } catch (error) {
      this.deps.logger.warn('catch-up could not read WhatsApp history', { numberId, error: String(error) });
      return false;
    }
  }

  /** One message through ingest, then its events. True when something was stored or matched. */
  private take(numberId: number, message: InboundMessage, transport: InboundSource): boolean {
    return this.publishResult(numberId, this.ingestOne(numberId, message), transport);
  }

  private ingestOne(numberId: number, message: InboundMessage): IngestResult | null {
    try {
      return this.deps.ingest.ingest(numberId, message);
    } catch (error) {
      this.deps.logger.error('ingest failed', { numberId, error: String(error) });
      return null;
    }
  }

  private publishResult(numberId: number, result: IngestResult | null, transport: InboundSource): boolean {
    if (!result) return false;
    if (result.kind === 'stored') {
      const row = this.messageById.get(result.messageId);
      if (row) this.publishNew(row);
      if (result.needsLid) this.resolveLid(numberId, result.needsLid, transport, 0);
      if (result.hasMedia && row?.whatsapp_message_id) void this.media?.fetch(numberId, row.id, row.whatsapp_message_id, transport);
      return true;
    }
    if (result.kind === 'updated') {
      this.publishMessage(result.messageId);
      this.publishConversation(result.conversationId);
      const row = result.hasMedia ? this.messageById.get(result.messageId) : undefined;
      if (row?.whatsapp_message_id) void this.media?.fetch(numberId, row.id, row.whatsapp_message_id, transport);
      return true;
    }
    if (result.kind === 'matched') {
      const row = this.messageById.get(result.messageId);
      if (row) this.publishStatus(row);
      return true;
    }
    return false;
  }

  private resolveLid(numberId: number, lid: string, transport: InboundSource, attempt: number): void {
    const delay = this.policy.lidRetryMs[attempt];
    if (delay === undefined) return;
    const timer = setTimeout(() => {
      this.lidTimers.delete(timer);
      void transport
        .phoneForLid(lid)
        .then((phone) => {
          if (!phone) return this.resolveLid(numberId, lid, transport, attempt + 1);
          const changed = linkLidToPhone(this.deps.sqlite, this.deps.clock, lid, phone);
          for (const id of changed) this.publishConversation(id);
        })
        .catch((error: unknown) => {
          this.deps.logger.warn('lid lookup failed', { numberId, error: String(error) });
          this.resolveLid(numberId, lid, transport, attempt + 1);
        });
    }, delay);
    timer.unref?.();
    this.lidTimers.add(timer);
  }
}
