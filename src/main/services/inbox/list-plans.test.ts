import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conversationStatuses } from '../../../shared/domain';
import { conversationListInput } from '../../../shared/inbox/schemas';
import { seededRandom } from '../../whatsapp/demo/demo-ids';
import { conversationColumns, conversationJoins } from '../../ingest/records';
import { startTestCore } from '../../testing/test-core';
import { ConversationList, listFilter } from './conversation-list';
import { listPlans, planSql, sortKeys, type ListPlan, type SortBy } from './list-plan';

/**
 * The list planner against a naive reference: for every filter combination and sort, every
 * way the planner may read a page (not only the one it would choose) pages through the same
 * rows in the same order as filtering and sorting every conversation in JavaScript, each row
 * exactly once.
 */

interface Row {
  id: number;
  number: number;
  status: string;
  starred: number;
  archived: number;
  unread: number;
  agent: number | null;
  time: number | null;
  sortName: string;
}

let t: ReturnType<typeof startTestCore>;
let rows: Row[];
let list: ConversationList;
const ids = { admin: 0, agent: 0, other: 0, numbers: [] as number[] };

beforeAll(async () => {
  t = startTestCore();
  ids.admin = (await t.setupAdmin()).user.id;
  const { sqlite } = t.core.database;
  const random = seededRandom(11);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  ids.numbers = [1, 2, 3].map((n) => Number(sqlite.prepare("insert into whatsapp_numbers (name, status) values (?, 'active')").run(`N${n}`).lastInsertRowid));
  const user = sqlite.prepare("insert into users (name, email, password_hash, role) values (?, ?, 'x', 'agent')");
  ids.agent = Number(user.run('Agent', 'agent@office.test').lastInsertRowid);
  ids.other = Number(user.run('Other', 'other@office.test').lastInsertRowid);
  // The agent works the first two numbers only.
  for (const n of ids.numbers.slice(0, 2)) sqlite.prepare('insert into number_agents (whatsapp_number_id, user_id) values (?, ?)').run(n, ids.agent);

  // Names that tie, customers known only by phone, times that tie, skewed flags.
  const names = ['سارة', 'Sara', 'فهد', 'Ahmed', 'أحمد', 'ahmed', null];
  const contact = sqlite.prepare('insert into contacts (phone, name) values (?, ?)');
  const contacts = Array.from({ length: 70 }, (_, i) => Number(contact.run(`+9665000000${String(i).padStart(2, '0')}`, pick(names)).lastInsertRowid));
  const conversation = sqlite.prepare(
    `insert into conversations (contact_id, whatsapp_number_id, last_message_time, unread_count, status, is_starred, is_archived, assigned_agent_id)
     values (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const used = new Set<string>();
  for (let i = 0; i < 110; i++) {
    const c = pick(contacts);
    const n = pick(ids.numbers);
    if (used.has(`${c}|${n}`)) continue;
    used.add(`${c}|${n}`);
    const status = random() < 0.6 ? 'active' : random() < 0.5 ? 'pending' : 'resolved';
    const time = random() < 0.05 ? null : 1_000 + Math.floor(random() * 40) * 1_000;
    conversation.run(c, n, time, status === 'active' && random() < 0.4 ? 1 + Math.floor(random() * 3) : 0, status, random() < 0.2 ? 1 : 0, random() < 0.15 ? 1 : 0,
      pick([null, null, ids.admin, ids.agent, ids.other]));
  }
  rows = sqlite
    .prepare<[], Row>(
      `select c.id, c.whatsapp_number_id as number, c.status, c.is_starred as starred, c.is_archived as archived, c.unread_count as unread,
              c.assigned_agent_id as agent, c.last_message_time as time, coalesce(ct.name, ct.phone, '') as sortName
       from conversations c join contacts ct on ct.id = c.contact_id`,
    )
    .all();
  list = new ConversationList(sqlite, t.core.searchIndex);
});
afterAll(() => t.close());

type Input = ReturnType<typeof conversationListInput.parse>;

function reference(input: Input, viewer: { userId: number; allowedNumbers: number[] | null }): number[] {
  const agent = input.assignedTo === 'me' ? viewer.userId : input.assignedTo === 'unassigned' ? null : input.assignedTo;
  const found = rows.filter(
    (r) =>
      r.time !== null &&
      (viewer.allowedNumbers === null || viewer.allowedNumbers.includes(r.number)) &&
      (input.whatsappNumberId === undefined || r.number === input.whatsappNumberId) &&
      (input.status === undefined || r.status === input.status) &&
      (input.starred === undefined || r.starred === (input.starred ? 1 : 0)) &&
      (input.unread === undefined || r.unread > 0 === input.unread) &&
      r.archived === (input.archived ? 1 : 0) &&
      (input.assignedTo === undefined || r.agent === agent),
  );
  const key = (r: Row): (string | number)[] =>
    input.sortBy === 'lastMessageTime' ? [r.time!, r.id] : input.sortBy === 'unreadCount' ? [r.unread, r.time!, r.id] : [r.sortName, r.id];
  const sign = input.sortOrder === 'desc' ? -1 : 1;
  return found
    .sort((a, b) => {
      const ka = key(a);
      const kb = key(b);
      for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return (ka[i]! < kb[i]! ? -1 : 1) * sign;
      return 0;
    })
    .map((r) => r.id);
}

type Page = Database.Statement<[Record<string, string | number>], { id: number; sort_values: string }>;

/** Every row of a plan, page by page along its cursors. */
function pagesOf(plan: ListPlan, sort: SortBy, descending: boolean, limit: number): number[] {
  const { sqlite } = t.core.database;
  const out: number[] = [];
  let cursor: (string | number)[] | null = null;
  if (plan.arms.length === 0) return out;
  const select = { columns: conversationColumns, joins: conversationJoins };
  const firstSql = planSql(plan, sort, descending, false, select);
  const nextSql = planSql(plan, sort, descending, true, select);
  const first = sqlite.prepare(firstSql.sql) as Page;
  let next: Page | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const params: Record<string, string | number> = { ...firstSql.params, limit: limit + 1 };
    cursor?.forEach((v, i) => (params[`k${i}`] = v));
    if (cursor) next ??= sqlite.prepare(nextSql.sql) as Page;
    const page = (cursor ? next! : first).all(params);
    out.push(...page.slice(0, limit).map((r) => r.id));
    if (page.length <= limit) return out;
    cursor = JSON.parse(page[limit - 1]!.sort_values) as (string | number)[];
  }
  throw new Error('no end of pages');
}

function* combinations(): Generator<Record<string, unknown>> {
  for (const whatsappNumberId of [undefined, ids.numbers[0], ids.numbers[2]])
    for (const status of [undefined, ...conversationStatuses])
      for (const starred of [undefined, true, false])
        for (const unread of [undefined, true, false])
          for (const assignedTo of [undefined, 'me', 'unassigned', ids.other])
            for (const archived of [false, true]) yield { whatsappNumberId, status, starred, unread, assignedTo, archived };
}

const sorts = (Object.keys(sortKeys) as SortBy[]).flatMap((sortBy) => (['desc', 'asc'] as const).map((sortOrder) => ({ sortBy, sortOrder })));

describe('the conversation list planner', () => {
  it('pages through exactly the filtered rows in sort order, whichever way it reads them, for every filter combination and sort', () => {
    const limit = 7;
    const context = list.context(limit);
    let checked = 0;
    for (const viewer of [
      { userId: ids.admin, allowedNumbers: null },
      { userId: ids.agent, allowedNumbers: ids.numbers.slice(0, 2) },
    ]) {
      for (const combo of combinations()) {
        if (combo.whatsappNumberId !== undefined && viewer.allowedNumbers && !viewer.allowedNumbers.includes(combo.whatsappNumberId as number)) continue;
        for (const sort of sorts) {
          const input = conversationListInput.parse({ ...JSON.parse(JSON.stringify(combo)), ...sort, limit });
          const expected = reference(input, viewer);
          for (const plan of listPlans(listFilter(input, viewer), input.sortBy, context)) {
            const got = pagesOf(plan, input.sortBy, input.sortOrder === 'desc', limit);
            if (got.join() !== expected.join()) expect(got, `${JSON.stringify(input)} ${plan.label}`).toEqual(expected);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(10_000);
  }, 300_000);

  it('returns the same pages through the service as the reference, cursor after cursor', async () => {
    const { token } = await t.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' });
    for (const combo of [{}, { status: 'resolved', unread: true }, { starred: true, assignedTo: 'unassigned' }, { whatsappNumberId: ids.numbers[1], unread: false }, { archived: true }]) {
      for (const sort of sorts) {
        const input = conversationListInput.parse({ ...combo, ...sort, limit: 6 });
        const seen: number[] = [];
        let cursor: string | undefined;
        do {
          const page = await t.call('conversations.list', { ...input, ...(cursor ? { cursor } : {}) }, token);
          seen.push(...page.data.map((c) => c.id));
          cursor = page.meta.next ?? undefined;
        } while (cursor);
        expect(seen, JSON.stringify(input)).toEqual(reference(input, { userId: ids.admin, allowedNumbers: null }));
      }
    }
  });
});

describe("the list's copies of a conversation's contact name and unread state", () => {
  it('follows the contact: renamed, name removed (phone instead), and the conversation moved to another contact', () => {
    const { sqlite } = t.core.database;
    const sortName = (id: number) => sqlite.prepare<[number], { s: string }>('select customer_sort_name as s from conversations where id = ?').get(id)!.s;
    const contact = Number(sqlite.prepare("insert into contacts (phone, name) values ('+966511111111', 'Zaid')").run().lastInsertRowid);
    const other = Number(sqlite.prepare("insert into contacts (phone, name) values ('+966522222222', 'Amal')").run().lastInsertRowid);
    const id = Number(sqlite.prepare('insert into conversations (contact_id, whatsapp_number_id, last_message_time) values (?, ?, 1)').run(contact, ids.numbers[0]).lastInsertRowid);
    expect(sortName(id)).toBe('Zaid');
    sqlite.prepare("update contacts set name = 'زيد' where id = ?").run(contact);
    expect(sortName(id)).toBe('زيد');
    sqlite.prepare('update contacts set name = null where id = ?').run(contact);
    expect(sortName(id)).toBe('+966511111111');
    sqlite.prepare('update conversations set contact_id = ? where id = ?').run(other, id);
    expect(sortName(id)).toBe('Amal');
    sqlite.prepare('delete from conversations where id = ?').run(id);
  });

  it('keeps "has unread" in step with the unread count however it changes (the name index holds it)', () => {
    const { sqlite } = t.core.database;
    const hasUnread = (id: number) => sqlite.prepare<[number], { h: number }>('select has_unread as h from conversations where id = ?').get(id)!.h;
    const contact = Number(sqlite.prepare("insert into contacts (phone, name) values ('+966533333333', 'Huda')").run().lastInsertRowid);
    const id = Number(sqlite.prepare('insert into conversations (contact_id, whatsapp_number_id, last_message_time, unread_count) values (?, ?, 1, 2)').run(contact, ids.numbers[0]).lastInsertRowid);
    expect(hasUnread(id)).toBe(1);
    sqlite.prepare('update conversations set unread_count = 0 where id = ?').run(id);
    expect(hasUnread(id)).toBe(0);
    sqlite.prepare('update conversations set unread_count = unread_count + 1 where id = ?').run(id);
    expect(hasUnread(id)).toBe(1);
    sqlite.prepare('update conversations set unread_count = 5 where id = ?').run(id);
    expect(hasUnread(id)).toBe(1);
    sqlite.prepare('delete from conversations where id = ?').run(id);
  });
});
