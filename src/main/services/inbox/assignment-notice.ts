import type Database from 'better-sqlite3';
import type { NoticeMeta } from '../../../shared/inbox/message-meta';
import type { MessageRow } from '../../ingest/records';

/**
 * The line an assignment leaves in the thread ("transferred from A to B by C"): a `system`
 * message of type `notice`, never sent to WhatsApp (no provider id, status `delivered` so the
 * outbox and its echo matching never look at it), counting as neither unread nor quota. Its
 * text is made by the reader's window from the names in meta, in their language.
 */
export function insertAssignmentNotice(
  sqlite: Database.Database,
  input: { conversationId: number; numberId: number; from: string | null; to: string | null; by: string; at: number },
): MessageRow | null {
  const notice = noticeOf(input.from, input.to, input.by);
  if (!notice) return null;
  const info = sqlite
    .prepare<[number, number, string, number]>(
      `insert into messages (conversation_id, whatsapp_number_id, content, type, sender, status, meta, created_at)
       values (?, ?, '', 'notice', 'system', 'delivered', ?, ?)`,
    )
    .run(input.conversationId, input.numberId, JSON.stringify({ notice }), input.at);
  return sqlite.prepare<[number], MessageRow>('select * from messages where id = ?').get(Number(info.lastInsertRowid)) ?? null;
}

function noticeOf(from: string | null, to: string | null, by: string): NoticeMeta | null {
  if (from === null && to !== null) return { type: 'assigned', to, by };
  if (from !== null && to !== null) return { type: 'transferred', from, to, by };
  if (from !== null && to === null) return { type: 'unassigned', from, by };
  return null;
}
