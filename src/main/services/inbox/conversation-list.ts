import type Database from 'better-sqlite3';
import type { z } from 'zod';
import { conversationStatuses } from '../../../shared/domain';
import { phoneDigitsQuery } from '../../../shared/search-text';
import type { ConversationPage } from '../../../shared/inbox/types';
import type { conversationListInput } from '../../../shared/inbox/schemas';
import { conversationColumns, conversationJoins, toConversationView, type ConversationRow } from '../../ingest/records';
import type { SearchIndex } from '../../search/search-index';
import { ftsMatch } from '../../search/search-match';
import { AppError, fieldError } from '../../rpc/app-error';
import { countArchivedMatches } from './archived-matches';
import { planList, planSql, searchPlan, sortKeys, type ListFilter, type ListPlan } from './list-plan';
import { ListStats, type ListCounts } from './list-stats';

type ListInput = z.output<typeof conversationListInput>;
type Key = string | number;
type Viewer = { userId: number; allowedNumbers: number[] | null };

/** How many of the newest matching messages a search looks at. */
const messageMatchLimit = 2_000;
const contactMatchLimit = 2_000;
/** Planned pages kept (per filter, sort and first/next page), and prepared statements (per SQL shape). */
const cachedQueries = 2_000;
const cachedStatements = 500;

type Statement = Database.Statement<[Record<string, Key>], ConversationRow & { sort_values: string }>;
interface Query {
  plan: ListPlan;
  sql: string;
  params: Record<string, Key>;
}

/**
 * Seed 003's conversation list: filters alone or together, search, three sorts either way,
 * and keyset cursors (a page continues after the last row it showed, so rows that move while
 * the agent scrolls are neither skipped nor shown twice within one sort). How a page is read
 * is planned per query in list-plan.ts.
 */
export class ConversationList {
  readonly stats: ListStats;
  private readonly numberIds;
  /** Planned queries by filter shape, sort and cursor; emptied when the counts or the numbers change. */
  private readonly queries = new Map<string, Query>();
  private readonly statements = new Map<string, Statement>();
  private plannedWith: { counts: ListCounts | null; numbers: string } = { counts: null, numbers: '' };

  constructor(
    private readonly sqlite: Database.Database,
    private readonly searchIndex: SearchIndex,
  ) {
    this.stats = new ListStats(sqlite);
    this.numberIds = sqlite.prepare<[], number>('select id from whatsapp_numbers order by id').pluck();
  }

  list(input: ListInput, viewer: Viewer): ConversationPage {
    const { query, params, matches } = this.prepare(input, viewer);
    const rows = query.plan.arms.length === 0 ? [] : this.statement(query.sql).all(params);
    const more = rows.length > input.limit;
    const page = more ? rows.slice(0, input.limit) : rows;
    const last = page[page.length - 1];
    const shown = input.search ? this.matchedContents(page.map((row) => matches.get(row.id))) : new Map<number, string>();
    const matchOf = (messageId: number | undefined) => (messageId !== undefined && shown.has(messageId) ? { messageId, content: shown.get(messageId)! } : null);
    // A search's first page also says how many archived conversations match (the list hides them).
    const archivedMatches =
      input.search && !input.archived && !input.cursor ? countArchivedMatches(this.sqlite, listFilter(input, viewer), { contacts: String(params.contacts), matched: String(params.matched) }) : undefined;
    return {
      data: page.map((row) => ({ ...toConversationView(row), ...(input.search ? { match: matchOf(matches.get(row.id)) } : {}) })),
      meta: { limit: input.limit, next: more && last ? Buffer.from(last.sort_values).toString('base64url') : null, ...(archivedMatches !== undefined ? { archivedMatches } : {}) },
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

  /** The SQL a page of `input` runs and its parameters (for EXPLAIN in the benchmark and tests). */
  explain(input: ListInput, viewer: Viewer): { sql: string; params: Record<string, Key>; plan: ListPlan } {
    const { query, params } = this.prepare(input, viewer);
    return { sql: query.sql, params, plan: query.plan };
  }

  /** What the planner estimates with: counts, every number, the page size. */
  context(limit: number) {
    return { counts: this.stats.get(), allNumbers: this.numberIds.all(), limit };
  }

  /** The query for `input` (planned once per shape), its parameters, and a search's matches. */
  private prepare(input: ListInput, viewer: Viewer): { query: Query; params: Record<string, Key>; matches: Map<number, number> } {
    const filter = listFilter(input, viewer);
    const params: Record<string, Key> = { limit: input.limit + 1 };
    if (input.cursor) decodeCursor(input.cursor, sortKeys[input.sortBy].length).forEach((value, i) => (params[`k${i}`] = value));
    let matches = new Map<number, number>();
    if (input.search) {
      const found = this.search(input.search);
      matches = found.messages;
      params.contacts = JSON.stringify(found.contactIds);
      params.matched = JSON.stringify([...found.messages.keys()]);
    }
    const context = this.context(input.limit);
    const numbers = context.allNumbers.join();
    if (this.plannedWith.counts !== context.counts || this.plannedWith.numbers !== numbers) {
      this.queries.clear();
      this.plannedWith = { counts: context.counts, numbers };
    }
    const key = JSON.stringify([filter, input.sortBy, input.sortOrder, input.limit, Boolean(input.cursor), Boolean(input.search)]);
    let query = this.queries.get(key);
    if (!query) {
      const plan = input.search
        ? searchPlan(filter, 'c.id in (select id from conversations where contact_id in (select value from json_each(@contacts)) union select value from json_each(@matched))')
        : planList(filter, input.sortBy, context);
      query = { plan, ...planSql(plan, input.sortBy, input.sortOrder === 'desc', Boolean(input.cursor), { columns: conversationColumns, joins: conversationJoins }) };
      if (this.queries.size >= cachedQueries) this.queries.delete(this.queries.keys().next().value!);
      this.queries.set(key, query);
    }
    Object.assign(params, query.params);
    return { query, params, matches };
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement) this.statements.delete(sql);
    else {
      statement = this.sqlite.prepare(sql) as Statement;
      if (this.statements.size >= cachedStatements) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, statement);
    return statement;
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

/** The input's filters as the sets of values a row may have, within the numbers the viewer may work. */
export function listFilter(input: ListInput, viewer: Viewer): ListFilter {
  let numbers = viewer.allowedNumbers;
  if (input.whatsappNumberId !== undefined) numbers = numbers === null || numbers.includes(input.whatsappNumberId) ? [input.whatsappNumberId] : [];
  const bits = (value: boolean | undefined): (0 | 1)[] => (value === undefined ? [0, 1] : [value ? 1 : 0]);
  return {
    numbers: numbers === null ? null : [...new Set(numbers)].sort((a, b) => a - b),
    archived: input.archived ? 1 : 0,
    statuses: input.status ? [input.status] : conversationStatuses,
    starred: bits(input.starred),
    unread: bits(input.unread),
    assigned: input.assignedTo === undefined ? undefined : input.assignedTo === 'me' ? viewer.userId : input.assignedTo === 'unassigned' ? null : input.assignedTo,
  };
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
