import type Database from 'better-sqlite3';
import type { ListFilter } from './list-plan';

/**
 * How many archived conversations a search also finds, with the same filters: the list hides
 * them unless asked, so it says they are there. Counted only for a search's first page, over
 * the matches the search has already found (a few thousand ids at most).
 */
export function countArchivedMatches(sqlite: Database.Database, filter: ListFilter, matched: { contacts: string; matched: string }): number {
  const where = [
    'c.id in (select id from conversations where contact_id in (select value from json_each(@contacts)) union select value from json_each(@matched))',
    'c.is_archived = 1',
  ];
  const params: Record<string, string | number> = { ...matched };
  if (filter.numbers !== null) (where.push('c.whatsapp_number_id in (select value from json_each(@numbers))'), (params.numbers = JSON.stringify(filter.numbers)));
  if (filter.statuses.length < 3) (where.push('c.status in (select value from json_each(@statuses))'), (params.statuses = JSON.stringify(filter.statuses)));
  if (filter.starred.length === 1) (where.push('c.is_starred = @starred'), (params.starred = filter.starred[0]!));
  if (filter.unread.length === 1) where.push(filter.unread[0] ? 'c.unread_count > 0' : 'c.unread_count = 0');
  if (filter.assigned === null) where.push('c.assigned_agent_id is null');
  else if (filter.assigned !== undefined) (where.push('c.assigned_agent_id = @assigned'), (params.assigned = filter.assigned));
  return sqlite.prepare<[Record<string, string | number>], number>(`select count(*) from conversations c where ${where.join(' and ')}`).pluck().get(params) ?? 0;
}
