import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { errorReasons } from '../../../shared/errors';
import type { ConversationPage, ConversationView, MessageView } from '../../../shared/inbox-types';
import type { conversationListInput, messageListInput } from '../../../shared/schemas/inbox';
import type { Clock } from '../../core/clock';
import { conversationReader, conversationSelect, toConversationView, toMessageView, type ConversationRow, type MessageRow } from '../../inbox/records';
import type { Outbox } from '../../outbox/outbox';
import { AppError } from '../../rpc/app-error';
import type { MessagePipeline } from '../../whatsapp/message-pipeline';
import type { Caller } from '../auth/auth-service';

/** Seed 003's conversations and messages: the list, a thread, reading and answering. */
export class InboxService {
  private readonly readConversation;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly outbox: Outbox,
    private readonly pipeline: MessagePipeline,
    private readonly clock: Clock,
  ) {
    this.readConversation = conversationReader(sqlite);
  }

  /** Newest first; `before` continues after the last row of the previous page. */
  listConversations(input: z.output<typeof conversationListInput>): ConversationPage {
    const where: string[] = ['c.last_message_time is not null'];
    const params: Record<string, number | string> = { limit: input.limit + 1 };
    if (input.whatsappNumberId !== undefined) (where.push('c.whatsapp_number_id = @number'), (params.number = input.whatsappNumberId));
    if (input.status !== undefined) (where.push('c.status = @status'), (params.status = input.status));
    if (input.before) {
      where.push('(c.last_message_time < @time or (c.last_message_time = @time and c.id < @id))');
      params.time = input.before.time;
      params.id = input.before.id;
    }
    const rows = this.sqlite
      .prepare<[Record<string, number | string>], ConversationRow>(
        `${conversationSelect} where ${where.join(' and ')} order by c.last_message_time desc, c.id desc limit @limit`,
      )
      .all(params);
    const more = rows.length > input.limit;
    const page = more ? rows.slice(0, input.limit) : rows;
    const last = page[page.length - 1];
    return {
      data: page.map(toConversationView),
      meta: { limit: input.limit, next: more && last ? { time: last.last_message_time ?? 0, id: last.id } : null },
    };
  }

  getConversation(id: number): ConversationView {
    const conversation = this.readConversation(id);
    if (!conversation) throw new AppError('NOT_FOUND');
    return conversation;
  }

  markRead(id: number): ConversationView {
    this.getConversation(id);
    const changed = this.sqlite.prepare('update conversations set unread_count = 0, updated_at = ? where id = ? and unread_count > 0').run(this.clock.now(), id).changes;
    if (changed > 0) this.pipeline.publishConversation(id);
    return this.getConversation(id);
  }

  /** The newest `limit` messages before `beforeId`, oldest first. */
  listMessages(input: z.output<typeof messageListInput>): MessageView[] {
    this.getConversation(input.conversationId);
    let rows: MessageRow[];
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
    return rows.reverse().map(toMessageView);
  }

  /** Queues the answer and returns it at once; it goes out when the number is connected. */
  send(caller: Caller, conversationId: number, content: string): MessageView {
    const conversation = this.sqlite
      .prepare<[number], { removed_at: number | null }>(
        'select n.removed_at from conversations c join whatsapp_numbers n on n.id = c.whatsapp_number_id where c.id = ?',
      )
      .get(conversationId);
    if (!conversation) throw new AppError('NOT_FOUND');
    if (conversation.removed_at !== null) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.numberRemoved);
    const row = this.outbox.enqueue({ conversationId, content, sender: 'agent', senderId: caller.user.id, senderName: caller.user.name });
    this.pipeline.publishNew(row);
    return toMessageView(row);
  }

  retry(messageId: number): MessageView {
    const existing = this.sqlite
      .prepare<[number], MessageRow & { removed_at: number | null }>(
        'select m.*, n.removed_at from messages m join whatsapp_numbers n on n.id = m.whatsapp_number_id where m.id = ?',
      )
      .get(messageId);
    if (!existing) throw new AppError('NOT_FOUND');
    if (existing.removed_at !== null) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.numberRemoved);
    const row = this.outbox.retry(messageId);
    if (!row) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.notFailed);
    return toMessageView(row);
  }
}
