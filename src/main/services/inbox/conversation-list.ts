import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { phoneDigitsQuery } from '../../../shared/search-text';
import type { ConversationPage } from '../../../shared/inbox-types';
import type { conversationListInput } from '../../../shared/schemas/inbox';
import { conversationSelect, toConversationView, type ConversationRow } from '../../inbox/records';
import type { SearchIndex } from '../../inbox/search-index';
import { ftsMatch } from '../../inbox/search-match';
import { AppError, fieldError } from '../../rpc/app-error';

type ListInput = z.output<typeof conversationListInput>;
type Key = string | number;

/** The sort keys of each order, last one the id so every row has one place. */
const sortKeys: Record<ListInput['sortBy'], string[]> = {
  lastMessageTime: ['c.last_message_time', 'c.id'],
  unreadCount: ['c.unread_count', 'c.last_message_time', 'c.id'],
  customerName: ["coalesce(ct.name, ct.phone, '')", 'c.id'],
};

/** How many of the newest matching messages a search looks at. */
const messageMatchLimit = 2_000;
const contactMatchLimit = 2_000;

/**
 * Seed 003's conversation list: filters alone or together, search, three sorts either way,
 * and keyset cursors (a page continues after the last row it showed, so rows that move while
 * the agent scrolls are neither skipped nor shown twice within one sort).
 */
export class ConversationList {
  constructor(
    private readonly sqlite: Database.Database,
    private readonly searchIndex: SearchIndex,
  ) {}

  list(input: ListInput, viewer: { userId: number; allowedNumbers: number[] | null }): ConversationPage {
    const where: string[] = ['c.last_message_time is not null'];
    const params: Record<string, Key> = {};
    if (viewer.allowedNumbers !== null) {
      where.push('c.whatsapp_number_id in (select value from json_each(@allowed))');
      params.allowed = JSON.stringify(viewer.allowedNumbers);
    }
    if (input.whatsappNumberId !== undefined) (where.push('c.whatsapp_number_id = @number'), (params.number = input.whatsappNumberId));
    if (input.status !== undefined) (where.push('c.status = @status'), (params.status = input.status));
    if (input.starred !== undefined) where.push(input.starred ? 'c.is_starred = 1' : 'c.is_starred = 0');
    if (input.unread !== undefined) where.push(input.unread ? 'c.unread_count > 0' : 'c.unread_count = 0');
    where.push(input.archived ? 'c.is_archived = 1' : 'c.is_archived = 0');
    if (input.assignedTo === 'me') (where.push('c.assigned_agent_id = @agent'), (params.agent = viewer.userId));
    else if (input.assignedTo === 'unassigned') where.push('c.assigned_agent_id is null');
    else if (input.assignedTo !== undefined) (where.push('c.assigned_agent_id = @agent'), (params.agent = input.assignedTo));

    let matches = new Map<number, number>();
    if (input.search) {
      const found = this.search(input.search);
      matches = found.messages;
      where.push('(c.contact_id in (select value from json_each(@contacts)) or c.id in (select value from json_each(@matched)))');
      params.contacts = JSON.stringify(found.contactIds);
      params.matched = JSON.stringify([...found.messages.keys()]);
    }

    const keys = sortKeys[input.sortBy];
    const descending = input.sortOrder === 'desc';
    if (input.cursor) {
      const values = decodeCursor(input.cursor, keys.length);
      where.push(keysetCondition(keys, descending, values, params));
    }
    const order = keys.map((k) => `${k} ${descending ? 'desc' : 'asc'}`).join(', ');
    params.limit = input.limit + 1;
    // Archived and starred conversations are few: read them off their partial indexes rather
    // than let the planner walk every conversation in time order looking for them.
    const hint = input.archived ? 'conversations_archived_time' : input.starred === true ? 'conversations_starred_time' : null;
    const select = conversationSelect
      .replace('select ', `select json_array(${keys.join(', ')}) as sort_values, `)
      .replace('from conversations c', hint ? `from conversations c indexed by ${hint}` : 'from conversations c');
    const rows = this.sqlite
      .prepare<[Record<string, Key>], ConversationRow & { sort_values: string }>(
        `${select}
         where ${where.join(' and ')} order by ${order} limit @limit`,
      )
      .all(params);
    const more = rows.length > input.limit;
    const page = more ? rows.slice(0, input.limit) : rows;
    const last = page[page.length - 1];
    const shown = input.search ? this.matchedContents(page.map((row) => matches.get(row.id))) : new Map<number, string>();
    const matchOf = (messageId: number | undefined) => (messageId !== undefined && shown.has(messageId) ? { messageId, content: shown.get(messageId)! } : null);
    return {
      data: page.map((row) => ({ ...toConversationView(row), ...(input.search ? { match: matchOf(matches.get(row.id)) } : {}) })),
      meta: { limit: input.limit, next: more && last ? Buffer.from(last.sort_values).toString('base64url') : null },
    };
  }

  /** The text of the matching messages the page shows: read for those rows only, not for every match. */
  private matchedContents(messageIds: (number | undefined)[]): Map<number, string> {
    const ids = messageIds.filter((id) => id !== undefined);
    if (ids.length === 0) return new Map();
    const rows = this.sqlite
      .prepare<[string], { id: number; content: string }>('select id, content from messages where id in (select value from json_each(?))')
      .all(JSON.stringify(ids));
    return new Map(rows.map((row) => [row.id, row.content]));
  }

  /** Customers by name (and email) and phone, and conversations (to their newest matching message's id) by the words of their messages. */
  private search(query: string): { contactIds: number[]; messages: Map<number, number> } {
    // Whatever was written just now is searchable now.
    this.searchIndex.flush();
    const phone = phoneDigitsQuery(query);
    const names = ftsMatch(query, 'names');
    const match = ftsMatch(query, 'text');
    if (!match && !phone) throw fieldError('search', 'invalid', 'Nothing to search for');
    const contactIds = new Set<number>();
    if (names) {
      for (const { rowid } of this.sqlite
        .prepare<[string, number], { rowid: number }>('select rowid from contacts_fts where contacts_fts match ? limit ?')
        .all(names, contactMatchLimit)) {
        contactIds.add(rowid);
      }
    }
    if (phone) {
      // Any run of the phone's digits: a trigram match (contacts_phone_fts), the run quoted as one phrase.
      for (const { rowid } of this.sqlite
        .prepare<[string, number], { rowid: number }>('select rowid from contacts_phone_fts where contacts_phone_fts match ? limit ?')
        .all(`"${phone}"`, contactMatchLimit)) {
        contactIds.add(rowid);
      }
    }
    const messages = new Map<number, number>();
    if (match) {
      const rows = this.sqlite
        .prepare<[string, number], { id: number; conversation_id: number }>(
          `select m.id, m.conversation_id from
             (select rowid from messages_fts where messages_fts match ? order by rowid desc limit ?) f
           cross join messages m on m.id = f.rowid`,
        )
        .all(match, messageMatchLimit);
      for (const row of rows) if (!messages.has(row.conversation_id)) messages.set(row.conversation_id, row.id);
    }
    return { contactIds: [...contactIds], messages };
  }
}

/** (k1, k2, …, id) strictly after the cursor's values, in the list's direction. */
function keysetCondition(keys: string[], descending: boolean, values: Key[], params: Record<string, Key>): string {
  const op = descending ? '<' : '>';
  const parts: string[] = [];
  for (let i = 0; i < keys.length; i++) {
    const equal = keys.slice(0, i).map((k, j) => `${k} = @k${j}`);
    parts.push(`(${[...equal, `${keys[i]} ${op} @k${i}`].join(' and ')})`);
    params[`k${i}`] = values[i]!;
  }
  return `(${parts.join(' or ')})`;
}

function decodeCursor(cursor: string, length: number): Key[] {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(values) && values.length === length && values.every((v) => typeof v === 'string' || typeof v === 'number')) return values as Key[];
  } catch {
    // fall through
  }
  throw new AppError('VALIDATION_ERROR', [{ field: 'cursor', code: 'invalid', message: 'Not a cursor of this list' }]);
}
