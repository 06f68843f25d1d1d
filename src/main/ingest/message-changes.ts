import type Database from 'better-sqlite3';
import type { MessageMeta } from '../../shared/inbox/message-meta';
import type { Clock } from '../base/clock';
import { phoneFromWhatsApp } from '../base/phone';
import { previewOf, type MessageRow } from './records';

/**
 * Changes to messages already stored: deleted for everyone, edited, reacted to, voted on,
 * decrypted at last. Each returns the changed row (for `message.update`), or null when
 * nothing changed, so a repeat (WhatsApp sends edits and revokes again in catch-up) is a no-op.
 */
export class MessageChanges {
  private readonly q;

  constructor(
    sqlite: Database.Database,
    private readonly clock: Clock,
  ) {
    this.q = {
      byProviderId: sqlite.prepare<[number, string], MessageRow>('select * from messages where whatsapp_number_id = ? and whatsapp_message_id = ?'),
      byId: sqlite.prepare<[number], MessageRow>('select * from messages where id = ?'),
      keepVersion: sqlite.prepare<[number, string, number]>('insert into message_versions (message_id, content, replaced_at) values (?, ?, ?)'),
      edit: sqlite.prepare<[string, number, number]>('update messages set content = ?, edited_at = ? where id = ?'),
      revoke: sqlite.prepare<[number, number]>("update messages set content = '', deleted_at = ?, reactions = null where id = ?"),
      reactions: sqlite.prepare<[string | null, number]>('update messages set reactions = ? where id = ?'),
      meta: sqlite.prepare<[string, number]>('update messages set meta = ? where id = ?'),
      // Only when this message is the conversation's last one does its preview change.
      preview: sqlite.prepare<[string, number, number]>('update conversations set last_message = ? where id = ? and last_message_time = ?'),
    };
  }

  find(numberId: number, providerId: string): MessageRow | null {
    return this.q.byProviderId.get(numberId, providerId) ?? null;
  }

  /** Deleted for everyone: the text goes (kept as a version for the office's record), the row stays, marked. */
  revoke(row: MessageRow, at: number): MessageRow | null {
    if (row.deleted_at !== null) return null;
    if (row.content) this.q.keepVersion.run(row.id, row.content, at);
    this.q.revoke.run(at, row.id);
    this.q.preview.run(previewOf('', 'revoked'), row.conversation_id, row.created_at);
    return this.q.byId.get(row.id)!;
  }

  /** The latest text wins; each earlier one is kept. The same text again (a repeat, catch-up) changes nothing. */
  edit(row: MessageRow, body: string, at: number): MessageRow | null {
    if (row.deleted_at !== null || row.content === body) return null;
    this.q.keepVersion.run(row.id, row.content, at);
    this.q.edit.run(body, at, row.id);
    this.q.preview.run(previewOf(body, row.type), row.conversation_id, row.created_at);
    return this.q.byId.get(row.id)!;
  }

  /** One reaction per person: a new one replaces theirs, an empty one removes it. */
  react(row: MessageRow, senderId: string, emoji: string): MessageRow | null {
    const reactions = parseObject<Record<string, string>>(row.reactions);
    if ((reactions[senderId] ?? '') === emoji) return null;
    if (emoji) reactions[senderId] = emoji;
    else delete reactions[senderId];
    this.q.reactions.run(Object.keys(reactions).length > 0 ? JSON.stringify(reactions) : null, row.id);
    return this.q.byId.get(row.id)!;
  }

  /** A voter's current choice on a poll replaces their earlier one. */
  vote(row: MessageRow, voterId: string, optionIds: number[]): MessageRow | null {
    const meta = parseObject<MessageMeta>(row.meta);
    if (!meta.poll) return null;
    const before = JSON.stringify(meta.poll.votes[voterId] ?? []);
    if (before === JSON.stringify(optionIds)) return null;
    if (optionIds.length > 0) meta.poll.votes[voterId] = optionIds;
    else delete meta.poll.votes[voterId];
    this.q.meta.run(JSON.stringify(meta), row.id);
    return this.q.byId.get(row.id)!;
  }

  /**
   * A customer changed number: their contact takes the new phone (unless another contact
   * already has it) and their conversations answer to the new chat, so they continue where
   * they were instead of starting a second contact. Returns the conversations that moved.
   */
  changeNumber(sqlite: Database.Database, oldDigits: string, newDigits: string, newChatId: string): number[] {
    const oldPhone = phoneFromWhatsApp(oldDigits);
    const newPhone = phoneFromWhatsApp(newDigits);
    if (!oldPhone || !newPhone || oldPhone === newPhone) return [];
    const contact = sqlite.prepare<[string], { id: number }>('select id from contacts where phone = ?').get(oldPhone);
    if (!contact) return [];
    if (sqlite.prepare('select 1 from contacts where phone = ?').get(newPhone)) return [];
    const now = this.clock.now();
    sqlite.prepare('update contacts set phone = ?, updated_at = ? where id = ?').run(newPhone, now, contact.id);
    const moved = sqlite.prepare<[number], { id: number }>('select id from conversations where contact_id = ?').all(contact.id).map((r) => r.id);
    sqlite.prepare('update conversations set wa_chat_id = ?, updated_at = ? where contact_id = ?').run(newChatId, now, contact.id);
    return moved;
  }
}

function parseObject<T extends object>(json: string | null): T {
  if (!json) return {} as T;
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' ? (value as T) : ({} as T);
  } catch {
    return {} as T;
  }
}
