import type Database from 'better-sqlite3';
import type { OfficeCalendar } from '../../calendar/office-calendar';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import { isSystemLine, sentSql } from './message-counting';
import { openMsBetween } from './office-time';
import { OpenEpisodes } from './open-episode';
import { discardStagedCounts } from './staged-counts';

export const statsBuiltKey = 'dashboard.statsBuiltAt';
/** Set while the kept figures wait for a rebuild after the office's zone or week changed (stats-recompute.ts). */
export const statsRecomputingKey = 'dashboard.recomputing';

type Row = [id: number, conversation: number, number: number, sender: string, senderId: number | null, type: string, createdAt: number, sent: number];

/**
 * The dashboard's figures computed again from raw rows (messages, and the activity log's status
 * changes for when a conversation was resolved), in one transaction: for a database from before
 * migration 0032, after the office's zone or week changed, and as the test that the kept figures are right.
 * Episodes: walking each conversation's customer messages and status changes in time order, a
 * customer message opens one when the conversation has none yet or was resolved since; its first
 * reply is the first message a person sent before the conversation's next episode.
 * One pass over the messages in table order (sequential reads), the rest in memory.
 */
export function rebuildDashboardStats(sqlite: Database.Database, now: number): { episodes: number } {
  const calendar = officeCalendarOf(sqlite);
  const officeDay = dayNames(calendar);

  return sqlite.transaction(() => {
    // Staged counts are of messages the rebuild reads from raw rows.
    discardStagedCounts(sqlite);
    sqlite.exec(`delete from dashboard_episodes; delete from dashboard_daily; delete from dashboard_contact_days; delete from dashboard_contact_last;
      update conversations set open_started_at = null, open_start_day = null, open_prev_start_day = null where open_started_at is not null;`);
    const contactOf = new Map<number, number>();
    for (const [id, contact] of sqlite.prepare('select id, contact_id from conversations').raw().iterate() as IterableIterator<[number, number]>) contactOf.set(id, contact);

    const customers: Row[] = [];
    const replies: Row[] = [];
    const daily = new Map<string, number>();
    const contactDays = new Set<string>();
    const messages = sqlite.prepare(`select m.id, m.conversation_id, m.whatsapp_number_id, m.sender, m.sender_id, m.type, m.created_at, ${sentSql} from messages m`).raw();
    for (const row of messages.iterate() as IterableIterator<Row>) {
      const [, conversation, number, sender, senderId, type, createdAt, sent] = row;
      const inbound = sender === 'customer';
      if (inbound) customers.push(row);
      else if (sender === 'agent' && sent) replies.push(row);
      if (isSystemLine(type) || (!inbound && !sent)) continue;
      const day = officeDay(createdAt);
      const key = `${day}|${number}|${inbound ? 0 : (senderId ?? 0)}|${inbound ? 'in' : 'out'}|${type}`;
      daily.set(key, (daily.get(key) ?? 0) + 1);
      if (inbound) contactDays.add(`${day}|${number}|${contactOf.get(conversation)}`);
    }

    const statusChanges = statusChangesOf(
      sqlite
        .prepare<[], StatusChange>(
          `select entity_id as conversation_id, created_at as at, json_extract(details, '$.to') as "to" from activity_log
           where action = 'conversation.status_changed' and entity_type = 'conversation' and entity_id is not null order by entity_id, created_at, id`,
        )
        .iterate(),
    );
    const episodes = writeEpisodes(sqlite, customers, replies, statusChanges, calendar, officeDay);

    const insertDaily = sqlite.prepare<[string, number, number, string, string, number]>(
      'insert into dashboard_daily (day, whatsapp_number_id, agent_id, direction, type, messages) values (?, ?, ?, ?, ?, ?)',
    );
    for (const [key, count] of daily) {
      const [day, number, agent, direction, type] = key.split('|') as [string, string, string, string, string];
      insertDaily.run(day, Number(number), Number(agent), direction, type, count);
    }
    const insertContactDay = sqlite.prepare<[string, number, number]>('insert into dashboard_contact_days (day, whatsapp_number_id, contact_id) values (?, ?, ?)');
    const lastDays = new Map<string, string>();
    for (const key of [...contactDays].sort()) {
      const [day, number, contact] = key.split('|') as [string, string, string];
      insertContactDay.run(day, Number(number), Number(contact));
      // Sorted by day first: the last seen is the latest.
      lastDays.set(`${contact}|${number}`, day);
    }
    const insertContactLast = sqlite.prepare<[number, number, string]>('insert into dashboard_contact_last (contact_id, whatsapp_number_id, last_day) values (?, ?, ?)');
    for (const [key, day] of lastDays) {
      const [contact, number] = key.split('|') as [string, string];
      insertContactLast.run(Number(contact), Number(number), day);
    }
    sqlite
      .prepare('insert into settings (key, value, updated_at) values (?, ?, ?) on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at')
      .run(statsBuiltKey, JSON.stringify(now), now);
    sqlite.prepare('delete from settings where key = ?').run(statsRecomputingKey);
    return { episodes };
  })();
}

/** The conversations' episodes computed again from their raw rows, inside the caller's transaction: a lid merge joined their messages. */
export function rebuildConversationEpisodes(sqlite: Database.Database, conversationIds: readonly number[]): void {
  if (conversationIds.length === 0) return;
  const calendar = officeCalendarOf(sqlite);
  const ids = JSON.stringify([...new Set(conversationIds)]);
  sqlite.prepare('delete from dashboard_episodes where conversation_id in (select value from json_each(?))').run(ids);
  sqlite
    .prepare('update conversations set open_started_at = null, open_start_day = null, open_prev_start_day = null where id in (select value from json_each(?)) and open_started_at is not null')
    .run(ids);
  const rows = sqlite
    .prepare(
      `select m.id, m.conversation_id, m.whatsapp_number_id, m.sender, m.sender_id, m.type, m.created_at, ${sentSql} from messages m
       where m.conversation_id in (select value from json_each(?))`,
    )
    .raw()
    .all(ids) as Row[];
  const statusChanges = statusChangesOf(
    sqlite
      .prepare<[string], StatusChange>(
        `select entity_id as conversation_id, created_at as at, json_extract(details, '$.to') as "to" from activity_log
         where action = 'conversation.status_changed' and entity_type = 'conversation' and entity_id in (select value from json_each(?)) order by entity_id, created_at, id`,
      )
      .iterate(ids),
  );
  const customers = rows.filter((row) => row[3] === 'customer');
  const replies = rows.filter((row) => row[3] === 'agent' && row[7]);
  writeEpisodes(sqlite, customers, replies, statusChanges, calendar, dayNames(calendar));
}

interface StatusChange {
  conversation_id: number;
  at: number;
  to: string | null;
}

/** A zone's offset changes only on quarter hours: a million messages need a few thousand day names. */
function dayNames(calendar: OfficeCalendar): (ms: number) => string {
  const names = new Map<number, string>();
  return (ms) => {
    const quarter = Math.floor(ms / 900_000);
    let name = names.get(quarter);
    if (name === undefined) names.set(quarter, (name = calendar.officeDay(ms)));
    return name;
  };
}

/** Each conversation's status changes in time order (rows come ordered by conversation, time, id). */
function statusChangesOf(rows: Iterable<StatusChange>): Map<number, { at: number; to: string }[]> {
  const byConversation = new Map<number, { at: number; to: string }[]>();
  for (const row of rows) {
    if (row.to === null) continue;
    const list = byConversation.get(row.conversation_id) ?? [];
    list.push({ at: row.at, to: row.to });
    byConversation.set(row.conversation_id, list);
  }
  return byConversation;
}

/**
 * Walks each conversation's customer messages and status changes in time order: a customer
 * message opens an episode when the conversation has none yet or was resolved since; its first
 * reply is the first message a person sent before the conversation's next episode. A
 * conversation's last episode, unanswered, is its open one (open-episode.ts). Returns how many.
 */
function writeEpisodes(
  sqlite: Database.Database,
  customers: Row[],
  replies: Row[],
  statusChanges: Map<number, { at: number; to: string }[]>,
  calendar: OfficeCalendar,
  officeDay: (ms: number) => string,
): number {
  const byTime = (a: Row, b: Row) => a[1] - b[1] || a[6] - b[6] || a[0] - b[0];
  customers.sort(byTime);
  replies.sort(byTime);
  const episodes: { conversation: number; number: number; start: number }[] = [];
  let current = -1;
  let opened = false;
  let status = 'active';
  let pending: { at: number; to: string }[] = [];
  let p = 0;
  for (const [, conversation, number, , , , createdAt] of customers) {
    if (conversation !== current) {
      current = conversation;
      opened = false;
      status = 'active';
      pending = statusChanges.get(current) ?? [];
      p = 0;
    }
    // Status changes up to this message's time (a change in the same millisecond comes first).
    while (p < pending.length && pending[p]!.at <= createdAt) status = pending[p++]!.to;
    if (!opened || status === 'resolved') {
      episodes.push({ conversation, number, start: createdAt });
      opened = true;
    }
    status = 'active';
  }

  const insertEpisode = sqlite.prepare<[number, number, number, string, number | null, number | null, number | null, number | null, number | null, string | null]>(
    `insert into dashboard_episodes (conversation_id, whatsapp_number_id, started_at, start_day, first_reply_at, first_reply_message_id, first_reply_by, response_ms, office_response_ms, prev_start_day)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const open = new OpenEpisodes(sqlite);
  let r = 0;
  for (let i = 0; i < episodes.length; i++) {
    const e = episodes[i]!;
    const next = episodes[i + 1]?.conversation === e.conversation ? episodes[i + 1]!.start : Number.MAX_SAFE_INTEGER;
    const previous = episodes[i - 1]?.conversation === e.conversation ? officeDay(episodes[i - 1]!.start) : null;
    const last = episodes[i + 1]?.conversation !== e.conversation;
    // Replies are in (conversation, time) order too: skip those before this episode.
    while (r < replies.length && (replies[r]![1] < e.conversation || (replies[r]![1] === e.conversation && replies[r]![6] < e.start))) r++;
    const reply = r < replies.length && replies[r]![1] === e.conversation && replies[r]![6] < next ? replies[r]! : null;
    if (reply) {
      const [id, , , , by, , at] = reply;
      insertEpisode.run(e.conversation, e.number, e.start, officeDay(e.start), at, id, by, at - e.start, openMsBetween(calendar, e.start, at), previous);
    } else if (last) {
      open.open(e.conversation, e.start, officeDay(e.start), previous);
    } else {
      insertEpisode.run(e.conversation, e.number, e.start, officeDay(e.start), null, null, null, null, null, previous);
    }
  }
  return episodes.length;
}

/** At start: a database from before the dashboard (or one restored from then), or one closed before a rebuild it waited for, gets its figures. */
export function ensureDashboardStats(sqlite: Database.Database, now: number): void {
  const setting = sqlite.prepare<[string], { value: string }>('select value from settings where key = ?');
  if (!setting.get(statsBuiltKey) || setting.get(statsRecomputingKey)) rebuildDashboardStats(sqlite, now);
}
