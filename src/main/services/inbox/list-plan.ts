import { conversationStatuses, type ConversationStatus } from '../../../shared/domain';
import { assignedKey, cellKey, type ListCounts } from './list-stats';

/**
 * How the conversation list reads a page, for any mix of filters and any sort.
 *
 * A page is a merge of "arms": each arm reads one range of one index (drizzle/0008) — the
 * rows of one value of the columns the index leads with — checking the rest of the filter
 * inside the index. An arm whose index is in the sort's order hands its rows over in order;
 * SQLite merges ordered arms (UNION ALL … ORDER BY … LIMIT) reading only as far as the page
 * needs. Otherwise the arm's rows are all read and sorted, which is the quick way when they
 * are few. Filters on archived, status, starred and unread select whole index ranges (at
 * most 3 × 2 × 2 of them for one archived value), so even a combination that matches nothing
 * costs a few index seeks rather than a walk through every conversation. The number and the
 * assignee are either ranges too (the number index; the assignee index, read and sorted) or
 * checked inside the range's index. Among the ways that apply, the cheapest by the counts in
 * ListStats is chosen; every way returns the same rows, so a wrong estimate costs time, never
 * correctness (list-plans.test.ts runs every way against a reference). Each arm names its
 * index (INDEXED BY): the choice is made here, with counts SQLite's planner does not weigh
 * against ORDER BY … LIMIT, and a missing index fails loudly rather than scanning.
 */

export type SortBy = 'lastMessageTime' | 'unreadCount' | 'customerName';
type Bit = 0 | 1;

/** A page's filter, each dimension spelt as the values a row may have. */
export interface ListFilter {
  /** The numbers a row may be on; null: any. */
  numbers: number[] | null;
  archived: Bit;
  statuses: readonly ConversationStatus[];
  starred: readonly Bit[];
  unread: readonly Bit[];
  /** undefined: anyone or no one; null: unassigned; else the agent's id. */
  assigned: number | null | undefined;
}

export const listIndexes = {
  /** (is_archived, status, is_starred, unread_count > 0, last_message_time, whatsapp_number_id, assigned_agent_id, unread_count) */
  time: 'conversations_list_time',
  /** (whatsapp_number_id, is_archived, status, is_starred, unread_count > 0, last_message_time, assigned_agent_id, unread_count) */
  number: 'conversations_list_number',
  /** (is_archived, status, is_starred, unread_count, last_message_time, whatsapp_number_id, assigned_agent_id) where unread_count > 0 */
  unread: 'conversations_list_unread',
  /** (assigned_agent_id, is_archived, status, is_starred, whatsapp_number_id) where assigned_agent_id is not null: no sort key, read and sorted */
  assigned: 'conversations_list_assigned',
  /** (is_archived, status, is_starred, has_unread, customer_sort_name, whatsapp_number_id, assigned_agent_id): "has a message" is read from the row */
  name: 'conversations_list_name',
} as const;
type Access = keyof typeof listIndexes;

type Key = string | number;

/** A condition on `c` (conversations) with its values for the `?`s in it, bound as parameters. */
export interface Cond {
  sql: string;
  values: Key[];
}

export interface Arm {
  /** null: SQLite chooses (search candidates, read by id). */
  index: string | null;
  /** The index's range first, then the rest of the filter. */
  where: Cond[];
}

export interface ListPlan {
  arms: Arm[];
  /** Estimated µs, to choose by; shown by the benchmark. */
  cost: number;
  /** How it reads, e.g. "number×12 ordered + unread sorted". */
  label: string;
}

/** The sort keys of each order, the id last so every row has one place. */
export const sortKeys: Record<SortBy, string[]> = {
  lastMessageTime: ['c.last_message_time', 'c.id'],
  unreadCount: ['c.unread_count', 'c.last_message_time', 'c.id'],
  customerName: ['c.customer_sort_name', 'c.id'],
};

// Rough costs in µs, measured on the benchmark database: a seek into an index range, stepping
// one index entry (the filter checked inside the index), reading the row behind an entry,
// sorting a row, and reading and joining a page row.
const cost = { seek: 5, entry: 0.15, read: 1.5, sort: 0.4, row: 2 };
/** SQLite allows 500 arms in a compound SELECT; ways needing more are not offered. */
const maxArms = 300;

interface Context {
  counts: ListCounts;
  /** Every number id: a way that lists ranges per number must not miss one. */
  allNumbers: number[];
  limit: number;
}

/** An arm with its estimated index entries in range and rows passing the whole filter. */
interface Estimated {
  arm: Arm;
  range: number;
  matches: number;
}

/** One way to read the filter's rows: ranges of one index. */
interface Way {
  access: Access;
  /** One arm per range, each in the sort's order; null when the index has no sort key. */
  arms: Estimated[] | null;
  /** One arm over the same ranges, for reading them all and sorting. */
  whole: Arm;
  seeks: number;
  /** Index entries in the ranges. */
  range: number;
  /** True when entries passing the index's checks have their row read (not covering). */
  reads: boolean;
  /** Estimated rows passing the whole filter. */
  matches: number;
}

// Values are bound, not written into the SQL: pages of the same shape (another number, another
// status) share one prepared statement.
const cond = (sql: string, ...values: Key[]): Cond => ({ sql, values });
const oneOf = (column: string, values: readonly Key[]): Cond =>
  values.length === 1 ? cond(`${column} = ?`, values[0]!) : cond(`${column} in (${values.map(() => '?').join(', ')})`, ...values);
const hasUnread = '(c.unread_count > 0)';
const hasMessage = cond('c.last_message_time is not null');
const assignedIs = (agent: number | null): Cond => (agent === null ? cond('c.assigned_agent_id is null') : cond('c.assigned_agent_id = ?', agent));

interface Fixed {
  /** archived, status and starred */
  cells?: boolean;
  unread?: boolean;
  numbers?: boolean;
  assigned?: boolean;
}

/** The filter's conditions, less those an arm's range already fixes. */
function rest(f: ListFilter, fixed: Fixed = {}): Cond[] {
  const where = [hasMessage];
  if (!fixed.cells) {
    where.push(cond('c.is_archived = ?', f.archived));
    if (f.statuses.length < conversationStatuses.length) where.push(oneOf('c.status', f.statuses));
    if (f.starred.length === 1) where.push(cond('c.is_starred = ?', f.starred[0]!));
  }
  if (!fixed.unread && f.unread.length === 1) where.push(cond(`${hasUnread} = ?`, f.unread[0]!));
  if (!fixed.numbers && f.numbers !== null) where.push(oneOf('c.whatsapp_number_id', f.numbers));
  if (!fixed.assigned && f.assigned !== undefined) where.push(assignedIs(f.assigned));
  return where;
}

/**
 * Every (status, starred[, unread]) cell the filter allows, as equalities on the indexed
 * columns, with the filter narrowed to it; `unread` names how the index holds "has unread"
 * (null: it does not).
 */
function cells(f: ListFilter, unread: string | null): { where: Cond[]; f: ListFilter }[] {
  const out: { where: Cond[]; f: ListFilter }[] = [];
  for (const status of f.statuses)
    for (const starred of f.starred) {
      const cell = [cond('c.is_archived = ?', f.archived), cond('c.status = ?', status), cond('c.is_starred = ?', starred)];
      const narrowed = { ...f, statuses: [status], starred: [starred] };
      if (unread) for (const u of f.unread) out.push({ where: [...cell, cond(`${unread} = ?`, u)], f: { ...narrowed, unread: [u] } });
      else out.push({ where: cell, f: narrowed });
    }
  return out;
}

const estimated = (ctx: Context, arm: Arm, f: ListFilter, numbersInRange: readonly number[]): Estimated => ({
  arm,
  range: cellCount(ctx, f, numbersInRange),
  matches: matches(ctx, f),
});

/** The same cells as one range list (IN on each column), for reading them all at once. */
function allCells(f: ListFilter, unread: string | null): Cond[] {
  const where = [cond('c.is_archived = ?', f.archived), oneOf('c.status', f.statuses), oneOf('c.is_starred', f.starred)];
  return unread ? [...where, oneOf(unread, f.unread)] : where;
}

function cellCount(ctx: Context, f: ListFilter, numbers: readonly number[]): number {
  let n = 0;
  for (const number of numbers)
    for (const status of f.statuses)
      for (const starred of f.starred) for (const unread of f.unread) n += ctx.counts.cells.get(cellKey(number, f.archived, status, starred, unread)) ?? 0;
  return n;
}

const assignedShare = (ctx: Context, agent: number | null, number: number): number => {
  const all = ctx.counts.perNumber.get(number) ?? 0;
  return all > 0 ? (ctx.counts.assigned.get(assignedKey(agent, number)) ?? 0) / all : 0;
};

/** Rows passing the filter; assignment taken as independent of the rest within a number. */
function matches(ctx: Context, f: ListFilter): number {
  const numbers = f.numbers ?? ctx.allNumbers;
  if (f.assigned === undefined) return cellCount(ctx, f, numbers);
  let n = 0;
  for (const number of numbers) n += cellCount(ctx, f, [number]) * assignedShare(ctx, f.assigned, number);
  return n;
}

const both: ListFilter['unread'] = [0, 1];

/**
 * The ways to read the rows of `f` whose ranges are in last-message order (time, number), and
 * the assignee index, whose rows are read and sorted.
 */
function timeWays(ctx: Context, f: ListFilter): Way[] {
  const m = matches(ctx, f);
  const ways: Way[] = [];
  const byCell = cells(f, hasUnread);
  ways.push({
    access: 'time',
    arms: byCell.map((c) => estimated(ctx, { index: listIndexes.time, where: [...c.where, ...rest(f, { cells: true, unread: true })] }, c.f, ctx.allNumbers)),
    whole: { index: listIndexes.time, where: [...allCells(f, hasUnread), ...rest(f, { cells: true, unread: true })] },
    seeks: byCell.length,
    range: cellCount(ctx, f, ctx.allNumbers),
    reads: false,
    matches: m,
  });
  if (f.numbers !== null && f.numbers.length * byCell.length <= maxArms) {
    ways.push({
      access: 'number',
      arms: f.numbers.flatMap((n) =>
        byCell.map((c) =>
          estimated(ctx, { index: listIndexes.number, where: [cond('c.whatsapp_number_id = ?', n), ...c.where, ...rest(f, { cells: true, unread: true, numbers: true })] }, { ...c.f, numbers: [n] }, [n]),
        ),
      ),
      whole: { index: listIndexes.number, where: [oneOf('c.whatsapp_number_id', f.numbers), ...allCells(f, hasUnread), ...rest(f, { cells: true, unread: true, numbers: true })] },
      seeks: f.numbers.length * byCell.length,
      range: cellCount(ctx, f, f.numbers),
      reads: false,
      matches: m,
    });
  }
  if (typeof f.assigned === 'number') {
    // Only assigned rows are in it; every entry in range has its row read (unread, time, the sort key).
    const agent = f.assigned;
    const numbers = f.numbers ?? ctx.allNumbers;
    ways.push({
      access: 'assigned',
      arms: null,
      whole: { index: listIndexes.assigned, where: [assignedIs(agent), ...allCells(f, null), ...rest(f, { cells: true, assigned: true })] },
      seeks: f.statuses.length * f.starred.length,
      range: numbers.reduce((sum, n) => sum + cellCount(ctx, { ...f, unread: both }, [n]) * assignedShare(ctx, agent, n), 0),
      reads: true,
      matches: m,
    });
  }
  return ways;
}

interface Choice {
  arms: Arm[];
  cost: number;
  label: string;
}

/**
 * Ordered: the merge reads each arm as far as the page's last row, and every arm at least to
 * its first match — an arm with none is read to its end (matches taken as spread evenly).
 */
function ordered(ctx: Context, way: Way & { arms: Estimated[] }): Choice {
  const want = ctx.limit + 1;
  const total = way.arms.reduce((sum, a) => sum + a.matches, 0);
  const share = total > 0 ? Math.min(1, want / total) : 1;
  let walked = 0;
  let reads = 0;
  for (const a of way.arms) {
    const depth = a.range * Math.min(1, Math.max(share, 1 / (a.matches + 1)));
    walked += depth;
    if (way.reads && a.range > 0) reads += (depth * a.matches) / a.range;
  }
  return {
    arms: way.arms.map((a) => a.arm),
    cost: way.arms.length * cost.seek + walked * cost.entry + reads * cost.read + Math.min(total, want) * cost.row,
    label: `${way.access}×${way.arms.length} ordered`,
  };
}

/** Sorted: every row in the ranges is read, those passing sorted. */
function sorted(ctx: Context, way: Way, keyInIndex: boolean): Choice {
  const reads = way.reads ? way.range : keyInIndex ? 0 : way.matches;
  return {
    arms: [way.whole],
    cost: way.seeks * cost.seek + way.range * cost.entry + reads * cost.read + way.matches * cost.sort + Math.min(way.matches, ctx.limit + 1) * cost.row,
    label: `${way.access} sorted`,
  };
}

const orderedWays = (ways: Way[]) => ways.filter((w): w is Way & { arms: Estimated[] } => w.arms !== null);

/** Every way to read the page (the tests run each); `planList` takes the cheapest. */
export function listPlans(f: ListFilter, sort: SortBy, ctx: Context): ListPlan[] {
  if ((f.numbers && f.numbers.length === 0) || f.statuses.length === 0 || f.starred.length === 0 || f.unread.length === 0) return [{ arms: [], cost: 0, label: 'nothing can match' }];
  if (sort === 'lastMessageTime') {
    const ways = timeWays(ctx, f);
    return [...orderedWays(ways).map((w) => plan([ordered(ctx, w)])), ...ways.filter((w) => !w.arms).map((w) => plan([sorted(ctx, w, false)]))];
  }

  if (sort === 'customerName') {
    const byCell = cells(f, 'c.has_unread');
    // Entries passing the index's checks have their row read for "has a message".
    const byName: Way & { arms: Estimated[] } = {
      access: 'name',
      arms: byCell.map((c) => estimated(ctx, { index: listIndexes.name, where: [...c.where, ...rest(f, { cells: true, unread: true })] }, c.f, ctx.allNumbers)),
      whole: { index: listIndexes.name, where: [...allCells(f, 'c.has_unread'), ...rest(f, { cells: true, unread: true })] },
      seeks: byCell.length,
      range: cellCount(ctx, f, ctx.allNumbers),
      reads: true,
      matches: matches(ctx, f),
    };
    // The name is in the name index only: the other ways read it from the row.
    return [plan([ordered(ctx, byName)]), ...timeWays(ctx, f).map((w) => plan([sorted(ctx, w, false)]))];
  }

  // Unread count: the unread rows in (count, time) order, then the read ones — all with a
  // count of 0, so last-message order is their order too.
  const unreadParts: Choice[] = [];
  if (f.unread.includes(1)) {
    const u: ListFilter = { ...f, unread: [1] };
    const byCell = cells(u, null);
    const byCount: Way & { arms: Estimated[] } = {
      access: 'unread',
      arms: byCell.map((c) => estimated(ctx, { index: listIndexes.unread, where: [...c.where, cond('c.unread_count > 0'), ...rest(u, { cells: true, unread: true })] }, c.f, ctx.allNumbers)),
      whole: { index: listIndexes.unread, where: [...allCells(u, null), cond('c.unread_count > 0'), ...rest(u, { cells: true, unread: true })] },
      seeks: byCell.length,
      range: cellCount(ctx, u, ctx.allNumbers),
      reads: false,
      matches: matches(ctx, u),
    };
    unreadParts.push(ordered(ctx, byCount), ...timeWays(ctx, u).map((w) => sorted(ctx, w, w.access !== 'assigned')));
  }
  const readParts: Choice[] = [];
  if (f.unread.includes(0)) {
    // `unread_count = 0` tells SQLite the first sort key is constant, so the index order is the sort order.
    const r: ListFilter = { ...f, unread: [0] };
    const ways = timeWays(ctx, r).map((w) => ({
      ...w,
      arms: w.arms && w.arms.map((a) => ({ ...a, arm: { ...a.arm, where: [...a.arm.where, cond('c.unread_count = 0')] } })),
      whole: { ...w.whole, where: [...w.whole.where, cond('c.unread_count = 0')] },
    }));
    readParts.push(...orderedWays(ways).map((w) => ordered(ctx, w)), ...ways.filter((w) => !w.arms).map((w) => sorted(ctx, w, false)));
  }
  if (unreadParts.length === 0) return readParts.map((p) => plan([p]));
  if (readParts.length === 0) return unreadParts.map((p) => plan([p]));
  return unreadParts.flatMap((u) => readParts.map((r) => plan([u, r])));
}

function plan(parts: Choice[]): ListPlan {
  return { arms: parts.flatMap((p) => p.arms), cost: parts.reduce((sum, p) => sum + p.cost, 0), label: parts.map((p) => p.label).join(' + ') };
}

export function planList(f: ListFilter, sort: SortBy, ctx: Context): ListPlan {
  return listPlans(f, sort, ctx).reduce((best, p) => (p.cost < best.cost ? p : best));
}

/** A search reads its (at most a few thousand) candidate conversations by id and sorts them. */
export function searchPlan(f: ListFilter, candidates: string): ListPlan {
  return { arms: [{ index: null, where: [cond(candidates), ...rest(f)] }], cost: 0, label: 'search candidates sorted' };
}

/**
 * The SQL of a plan and its values: the arms merged into the page's (sort values, id), the
 * first `@limit` rows; continued after the cursor's `@k0…` when `withCursor`.
 */
export function planSql(p: ListPlan, sort: SortBy, descending: boolean, withCursor: boolean, select: { columns: string; joins: string }): { sql: string; params: Record<string, Key> } {
  const keys = sortKeys[sort];
  const aliases = keys.map((_, i) => (i === keys.length - 1 ? 'id' : `s${i}`));
  const dir = descending ? 'desc' : 'asc';
  const after = withCursor ? [keysetCondition(keys, descending)] : [];
  const params: Record<string, Key> = {};
  const arm = (a: Arm, i: number) => {
    let n = 0;
    const where = a.where.map((c) => {
      let v = 0;
      return c.sql.replace(/\?/g, () => {
        const name = `a${i}_${n++}`;
        params[name] = c.values[v++]!;
        return `@${name}`;
      });
    });
    return `select ${keys.map((k, j) => `${k} as ${aliases[j]}`).join(', ')} from conversations c${a.index ? ` indexed by ${a.index}` : ''} where ${[...where, ...after].join(' and ')}`;
  };
  const page = `${p.arms.map(arm).join('\n union all ')}\n order by ${aliases.map((a) => `${a} ${dir}`).join(', ')} limit @limit`;
  const sql = `select json_array(${aliases.map((a) => `k.${a}`).join(', ')}) as sort_values, ${select.columns}
  from (${page}) k
  cross join conversations c on c.id = k.id
  ${select.joins}
  order by ${aliases.map((a) => `k.${a} ${dir}`).join(', ')}`;
  return { sql, params };
}

/** (k0, k1, …, id) strictly after the cursor's values, in the list's direction, as ranges SQLite can seek. */
function keysetCondition(keys: string[], descending: boolean): string {
  const op = descending ? '<' : '>';
  const at = (i: number): string => (i === keys.length - 1 ? `${keys[i]} ${op} @k${i}` : `${keys[i]} ${op}= @k${i} and (${keys[i]} ${op} @k${i} or ${at(i + 1)})`);
  return `(${at(0)})`;
}
