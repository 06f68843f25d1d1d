import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { errorReasons } from '../../../shared/errors';
import type { ConversationPage, ConversationView, MessageVersionView, MessageView, UnreadSummary } from '../../../shared/inbox/types';
import { toIso } from '../../base/clock';
import type { conversationListInput, messageListInput, sendMessageInput, updateConversationInput } from '../../../shared/inbox/schemas';
import type { EventBus } from '../../events/event-bus';
import type { ActivityLog } from '../activity/activity-log';
import type { ConversationList } from './conversation-list';
import type { NumberAccess } from './number-access';
import { unreadSummaryReader } from './unread-summary';
import type { Clock } from '../../base/clock';
import { conversationReader, messageViewReader, type MessageRow } from '../../ingest/records';
import type { Uploads } from '../../media/uploads';
import type { Outbox } from '../../outbox/outbox';
import { AppError, fieldError } from '../../rpc/app-error';
import { requireOpenWindow } from '../cloud/service-window';
import type { MessagePipeline } from '../../whatsapp/message-pipeline';
import type { Caller } from '../auth/auth-service';
import { insertAssignmentNotice } from './assignment-notice';
import { statement } from '../../db/statement';
import { ownRatingsReader } from '../ai/ratings/own-ratings';

/** Seed 003's conversations and messages: the list, a thread, reading and answering. */
export class InboxService {
  private readonly readConversation;
  private readonly readViews;
  private readonly readUnread;
  private readonly withRatings;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly outbox: Outbox,
    private readonly pipeline: MessagePipeline,
    private readonly clock: Clock,
    private readonly access: NumberAccess,
    private readonly list: ConversationList,
    private readonly activity: ActivityLog,
    private readonly bus: EventBus,
    private readonly uploads: Uploads,
  ) {
    this.readConversation = conversationReader(sqlite);
    this.readViews = messageViewReader(sqlite);
    this.readUnread = unreadSummaryReader(sqlite);
    this.withRatings = ownRatingsReader(sqlite);
  }

  /** The caller's unread conversations and messages, archived ones left out. */
  unread(caller: Caller): UnreadSummary {
    return this.readUnread(this.access.allowedNumbers(caller));
  }

  /** Seed 003's list: filters, search, sorts and cursors, within the numbers the caller may work. */
  listConversations(caller: Caller, input: z.output<typeof conversationListInput>): ConversationPage {
    if (input.whatsappNumberId !== undefined) this.access.requireNumber(caller, input.whatsappNumberId);
    return this.list.list(input, { userId: caller.user.id, allowedNumbers: this.access.allowedNumbers(caller) });
  }

  /** The SQL and plan a page of the list would run (EXPLAIN in the benchmark and tests). */
  explainList(caller: Caller, input: z.output<typeof conversationListInput>): ReturnType<ConversationList['explain']> {
    return this.list.explain(input, { userId: caller.user.id, allowedNumbers: this.access.allowedNumbers(caller) });
  }

  conversationFor(caller: Caller, id: number): ConversationView {
    this.access.requireConversation(caller, id);
    return this.getConversation(id);
  }

  getConversation(id: number): ConversationView {
    const conversation = this.readConversation(id);
    if (!conversation) throw new AppError('NOT_FOUND');
    return conversation;
  }

  markRead(caller: Caller, id: number): ConversationView {
    this.access.requireConversation(caller, id);
    const changed = this.sqlite.prepare('update conversations set unread_count = 0, updated_at = ? where id = ? and unread_count > 0').run(this.clock.now(), id).changes;
    if (changed > 0) {
      this.pipeline.publishConversation(id);
      this.markedRead(id);
    }
    return this.getConversation(id);
  }

  /** Set by the core: the customer is told their messages were read (a Cloud API number's read receipt). */
  markedRead: (conversationId: number) => void = () => undefined;

  /** Star, archive, change status, mark unread; each change is logged and shown live. */
  update(caller: Caller, input: z.output<typeof updateConversationInput>): ConversationView {
    this.access.requireConversation(caller, input.id);
    const before = this.getConversation(input.id);
    const now = this.clock.now();
    const changes: [string, Record<string, unknown>][] = [];
    this.sqlite.transaction(() => {
      if (input.isStarred !== undefined && input.isStarred !== before.isStarred) {
        this.sqlite.prepare('update conversations set is_starred = ?, updated_at = ? where id = ?').run(input.isStarred ? 1 : 0, now, input.id);
        changes.push([input.isStarred ? 'conversation.starred' : 'conversation.unstarred', {}]);
      }
      if (input.isArchived !== undefined && input.isArchived !== before.isArchived) {
        this.sqlite.prepare('update conversations set is_archived = ?, updated_at = ? where id = ?').run(input.isArchived ? 1 : 0, now, input.id);
        changes.push([input.isArchived ? 'conversation.archived' : 'conversation.unarchived', {}]);
      }
      if (input.status !== undefined && input.status !== before.status) {
        this.sqlite.prepare('update conversations set status = ?, updated_at = ? where id = ?').run(input.status, now, input.id);
        changes.push(['conversation.status_changed', { from: before.status, to: input.status }]);
      }
      if (input.unread && before.unreadCount === 0) {
        this.sqlite.prepare('update conversations set unread_count = 1, updated_at = ? where id = ?').run(now, input.id);
        changes.push(['conversation.marked_unread', {}]);
      }
      for (const [action, details] of changes) {
        this.activity.record({ userId: caller.user.id, action, entityType: 'conversation', entityId: input.id, details });
      }
    })();
    if (changes.length > 0) this.pipeline.publishConversation(input.id);
    return this.getConversation(input.id);
  }

  /** Assigns or transfers to an agent who may work the number (null unassigns); the agent is told. */
  assign(caller: Caller, id: number, agentId: number | null): ConversationView {
    const numberId = this.access.requireConversation(caller, id);
    const before = this.getConversation(id);
    if (agentId !== null) {
      const agent = this.sqlite.prepare<[number], { id: number; role: string }>('select id, role from users where id = ? and is_active = 1').get(agentId);
      if (!agent) throw fieldError('agentId', 'unknown_user', 'No active user with this id');
      if (!this.access.mayUse(agent.id, agent.role, numberId)) throw fieldError('agentId', 'no_access', 'This user has no access to the number');
    }
    if (before.assignedAgentId === agentId) return before;
    const notice = this.sqlite.transaction(() => {
      const now = this.clock.now();
      this.sqlite.prepare('update conversations set assigned_agent_id = ?, updated_at = ? where id = ?').run(agentId, now, id);
      this.activity.record({
        userId: caller.user.id,
        action: before.assignedAgentId === null ? 'conversation.assigned' : agentId === null ? 'conversation.unassigned' : 'conversation.transferred',
        entityType: 'conversation',
        entityId: id,
        details: { from: before.assignedAgentId, to: agentId },
      });
      const after = this.getConversation(id);
      // The thread says who moved it, so whoever opens it later sees why it is theirs.
      return insertAssignmentNotice(this.sqlite, { conversationId: id, numberId, from: before.assignedAgentName, to: after.assignedAgentName, by: caller.user.name, at: now });
    })();
    const conversation = this.getConversation(id);
    if (notice) this.pipeline.publishNew(notice);
    else this.pipeline.publishConversation(id);
    if (agentId !== null && agentId !== caller.user.id) {
      this.bus.publish('conversation.assigned', { conversation, byUserName: caller.user.name }, { kind: 'users', userIds: [agentId] });
    }
    // The agent it was taken from is told too, while they still work the number.
    const previous = before.assignedAgentId;
    if (previous !== null && previous !== caller.user.id && this.access.mayUseById(previous, numberId)) {
      this.bus.publish('conversation.transferred', { conversation, byUserName: caller.user.name }, { kind: 'users', userIds: [previous] });
    }
    return conversation;
  }

  /** The newest `limit` messages before `beforeId`, oldest first. */
  listMessages(caller: Caller, input: z.output<typeof messageListInput>): MessageView[] {
    this.access.requireConversation(caller, input.conversationId);
    let rows: MessageRow[];
    if (input.afterId !== undefined) {
      // By id, not time: a message caught up late from WhatsApp carries an older time but is new to the window.
      const after = this.sqlite
        .prepare<[number, number, number], MessageRow>('select * from messages where conversation_id = ? and id > ? order by id limit ?')
        .all(input.conversationId, input.afterId, input.limit);
      return this.withRatings(caller.user.id, this.readViews(after));
    }
    if (input.beforeId === undefined) {
      rows = this.sqlite
        .prepare<[number, number], MessageRow>('select * from messages where conversation_id = ? order by created_at desc, id desc limit ?')
        .all(input.conversationId, input.limit);
    } else {
      const anchor = this.sqlite
        .prepare<[number, number], { created_at: number }>('select created_at from messages where id = ? and conversation_id = ?')
        .get(input.beforeId, input.conversationId);
      if (!anchor) throw new AppError('NOT_FOUND');
      rows = this.sqlite
        .prepare<[number, number, number, number, number], MessageRow>(
          `select * from messages where conversation_id = ? and (created_at < ? or (created_at = ? and id < ?))
           order by created_at desc, id desc limit ?`,
        )
        .all(input.conversationId, anchor.created_at, anchor.created_at, input.beforeId, input.limit);
    }
    return this.withRatings(caller.user.id, this.readViews(rows.reverse()));
  }

  /**
   * Queues the answer (a text, or a finished upload with its caption) and returns it at once; it
   * goes out when the number is connected. A repeat with the same `clientId` (the browser resends
   * what it could not confirm) returns the message already stored and queues nothing.
   */
  send(caller: Caller, input: z.output<typeof sendMessageInput>): MessageView {
    const { conversationId } = input;
    this.access.requireConversation(caller, conversationId);
    const repeat = this.outbox.sentBefore(conversationId, input.clientId);
    if (repeat) return this.readViews([repeat])[0]!;
    const conversation = statement<[number], { removed_at: number | null }>(
      this.sqlite,
      'select n.removed_at from conversations c join whatsapp_numbers n on n.id = c.whatsapp_number_id where c.id = ?',
    ).get(conversationId);
    if (!conversation) throw new AppError('NOT_FOUND');
    if (conversation.removed_at !== null) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.numberRemoved);
    // A Cloud API number reaches a customer silent for 24 hours only with an approved template.
    requireOpenWindow(this.sqlite, this.clock, conversationId);
    if (input.replyToId !== undefined && !statement(this.sqlite, 'select 1 from messages where id = ? and conversation_id = ? and deleted_at is null').get(input.replyToId, conversationId)) {
      throw fieldError('replyToId', 'invalid', 'No such message in this conversation');
    }
    const file = input.attachment ? this.uploads.take(caller.user.id, input.attachment.uploadId) : undefined;
    const content = file ? input.content.trim() : input.content;
    const row = this.outbox.enqueue({
      conversationId, content, sender: 'agent', senderId: caller.user.id, senderName: caller.user.name,
      ...(input.replyToId !== undefined ? { quotedMessageId: input.replyToId } : {}),
      ...(input.clientId ? { clientId: input.clientId } : {}),
      ...(file ? { attachment: { type: file.type, sha256: file.sha256, name: file.name, size: file.size, mimeType: file.mimeType } } : {}),
    });
    if (input.attachment) this.uploads.consumed(input.attachment.uploadId);
    this.pipeline.publishNew(row);
    return this.readViews([row])[0]!;
  }

  /** An edited (or deleted) message's earlier texts, oldest first. */
  versions(caller: Caller, messageId: number): MessageVersionView[] {
    this.access.requireMessage(caller, messageId);
    return this.sqlite
      .prepare<[number], { content: string; replaced_at: number }>('select content, replaced_at from message_versions where message_id = ? order by id')
      .all(messageId)
      .map((v) => ({ content: v.content, replacedAt: toIso(v.replaced_at) }));
  }

  retry(caller: Caller, messageId: number): MessageView {
    this.access.requireMessage(caller, messageId);
    const existing = this.sqlite
      .prepare<[number], MessageRow & { removed_at: number | null }>(
        'select m.*, n.removed_at from messages m join whatsapp_numbers n on n.id = m.whatsapp_number_id where m.id = ?',
      )
      .get(messageId);
    if (!existing) throw new AppError('NOT_FOUND');
    if (existing.removed_at !== null) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.numberRemoved);
    const row = this.outbox.retry(messageId);
    if (!row) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.notFailed);
    return this.readViews([row])[0]!;
  }
}
