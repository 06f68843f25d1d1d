import type Database from 'better-sqlite3';
import { conversationStatuses } from '../../../shared/domain';
import type { UnreadSummary } from '../../../shared/inbox/types';

/**
 * How many conversations wait to be read (and how many messages in them), for the window title
 * and the menu: archived ones left out, within the numbers the viewer may work. Naming every
 * status and starred value lets SQLite seek `conversations_list_unread` to its unread rows
 * only, so the count costs what there is to read, not the size of the inbox.
 */
export function unreadSummaryReader(sqlite: Database.Database) {
  const statuses = conversationStatuses.map((s) => `'${s}'`).join(', ');
  const base = `select count(*) as conversations, coalesce(sum(unread_count), 0) as messages
    from conversations indexed by conversations_list_unread
    where is_archived = 0 and status in (${statuses}) and is_starred in (0, 1) and unread_count > 0`;
  const all = sqlite.prepare<[], UnreadSummary>(base);
  const within = sqlite.prepare<[string], UnreadSummary>(`${base} and whatsapp_number_id in (select value from json_each(?))`);
  return (allowedNumbers: readonly number[] | null): UnreadSummary =>
    allowedNumbers === null ? all.get()! : within.get(JSON.stringify(allowedNumbers))!;
}
