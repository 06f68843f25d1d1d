import type Database from 'better-sqlite3';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import { isSystemLine, sentSql } from './message-counting';
import { openMsBetween } from './office-time';

export const statsBuiltKey = 'dashboard.statsBuiltAt';

/**
 * The dashboard's figures computed again from raw rows (messages, and the activity log's status
 * changes for when a conversation was resolved), in one transaction: for a database from before
 * migration 0032, after the office's zone changed, and as the test that the kept figures are right.
 * Episodes: walking each conversation's customer messages and status changes in time order, a
 * customer message opens one when the conversation has none yet or was resolved since.
 */
export function rebuildDashboardStats(sqlite: Database.Database, now: number): { episodes: number } {
  const calendar = officeCalendarOf(sqlite);
  return sqlite.transaction(() => {
    sqlite.exec('delete from dashboard_episodes; delete from dashboard_daily; delete from dashboard_contact_days;');

    const statusChanges = new Map<number, { at: number; to: string }[]>();
    const changes = sqlite.prepare<[], { conversation_id: number; at: number; to: string | null }>(
      `select entity_id as conversation_id, created_at as at, json_extract(details, '$.to') as "to" from activity_log
       where action = 'conversation.status_changed' and entity_type = 'conversation' and entity_id is not null order by entity_id, created_at, id`,
    );
    for (const row of changes.iterate()) {
      if (row.to === null) continue;
      const list = statusChanges.get(row.conversation_id) ?? [];
      list.push({ at: row.at, to: row.to });
      statusChanges.set(row.conversation_id, list);
    }

    const insertEpisode = sqlite.prepare<[number, number, number, string]>(
      'insert into dashboard_episodes (conversation_id, whatsapp_number_id, started_at, start_day) values (?, ?, ?, ?)',
    );
    const customerMessages = sqlite.prepare<[], { conversation_id: number; whatsapp_number_id: number; created_at: number }>(
      `select conversation_id, whatsapp_number_id, created_at from messages where sender = 'customer' order by conversation_id, created_at, id`,
    );
    let current = -1;
    let opened = false;
    let status = 'active';
    let pending: { at: number; to: string }[] = [];
    // Collected first: better-sqlite3 cannot write while a statement is being iterated.
    const starts: [number, number, number, string][] = [];
    for (const m of customerMessages.iterate()) {
      if (m.conversation_id !== current) {
        current = m.conversation_id;
        opened = false;
        status = 'active';
        pending = [...(statusChanges.get(current) ?? [])];
      }
      // Status changes up to this message's time (a change in the same millisecond comes first).
      while (pending.length > 0 && pending[0]!.at <= m.created_at) status = pending.shift()!.to;
      if (!opened || status === 'resolved') {
        starts.push([m.conversation_id, m.whatsapp_number_id, m.created_at, calendar.officeDay(m.created_at)]);
        opened = true;
      }
      status = 'active';
    }
    for (const start of starts) insertEpisode.run(...start);
    const episodes = starts.length;

    // Each episode's first reply by a person, up to the next episode of its conversation.
    const firstReply = sqlite.prepare<[number, number, number], { id: number; sender_id: number | null; created_at: number }>(
      `select m.id, m.sender_id, m.created_at from messages m
       where m.conversation_id = ? and m.sender = 'agent' and ${sentSql} and m.created_at >= ? and m.created_at < ?
       order by m.created_at, m.id limit 1`,
    );
    const setReply = sqlite.prepare<[number, number, number | null, number, number, number]>(
      'update dashboard_episodes set first_reply_at = ?, first_reply_message_id = ?, first_reply_by = ?, response_ms = ?, office_response_ms = ? where id = ?',
    );
    const all = sqlite
      .prepare<[], { id: number; conversation_id: number; started_at: number }>('select id, conversation_id, started_at from dashboard_episodes order by conversation_id, started_at, id')
      .all();
    for (let i = 0; i < all.length; i++) {
      const e = all[i]!;
      const next = all[i + 1]?.conversation_id === e.conversation_id ? all[i + 1]!.started_at : Number.MAX_SAFE_INTEGER;
      const reply = firstReply.get(e.conversation_id, e.started_at, next);
      if (reply) setReply.run(reply.created_at, reply.id, reply.sender_id, reply.created_at - e.started_at, openMsBetween(calendar, e.started_at, reply.created_at), e.id);
    }

    // Daily rollups and active customers, one pass over the messages.
    const daily = new Map<string, number>();
    const contactDays = new Set<string>();
    const rows = sqlite.prepare<[], { created_at: number; number: number; sender: string; sender_id: number | null; type: string; sent: number; contact_id: number }>(
      `select m.created_at, m.whatsapp_number_id as number, m.sender, m.sender_id, m.type, ${sentSql} as sent, c.contact_id
       from messages m join conversations c on c.id = m.conversation_id`,
    );
    for (const m of rows.iterate()) {
      if (isSystemLine(m.type)) continue;
      const inbound = m.sender === 'customer';
      if (!inbound && !m.sent) continue;
      const day = calendar.officeDay(m.created_at);
      const key = `${day}|${m.number}|${inbound ? 0 : (m.sender_id ?? 0)}|${inbound ? 'in' : 'out'}|${m.type}`;
      daily.set(key, (daily.get(key) ?? 0) + 1);
      if (inbound) contactDays.add(`${day}|${m.number}|${m.contact_id}`);
    }
    const insertDaily = sqlite.prepare<[string, number, number, string, string, number]>(
      'insert into dashboard_daily (day, whatsapp_number_id, agent_id, direction, type, messages) values (?, ?, ?, ?, ?, ?)',
    );
    for (const [key, count] of daily) {
      const [day, number, agent, direction, type] = key.split('|') as [string, string, string, string, string];
      insertDaily.run(day, Number(number), Number(agent), direction, type, count);
    }
    const insertContactDay = sqlite.prepare<[string, number, number]>('insert into dashboard_contact_days (day, whatsapp_number_id, contact_id) values (?, ?, ?)');
    for (const key of contactDays) {
      const [day, number, contact] = key.split('|') as [string, string, string];
      insertContactDay.run(day, Number(number), Number(contact));
    }
    sqlite
      .prepare('insert into settings (key, value, updated_at) values (?, ?, ?) on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at')
      .run(statsBuiltKey, JSON.stringify(now), now);
    return { episodes };
  })();
}

/** At start: a database from before the dashboard (or one restored from then) gets its figures once. */
export function ensureDashboardStats(sqlite: Database.Database, now: number): void {
  const built = sqlite.prepare<[string], { value: string }>('select value from settings where key = ?').get(statsBuiltKey);
  if (!built) rebuildDashboardStats(sqlite, now);
}
