import type Database from 'better-sqlite3';
import { deferWrites } from '../../db/deferred-writes';
import { contactLastFromKey, foldContactLast } from './contact-last';

/**
 * In settings while staged counts may be committed but not yet flushed: a start that finds it
 * (the app was killed between the two) has the figures recomputed (dashboard-staged.test.ts).
 * Written by a trigger with the first staged row after a flush, not per message.
 */
export const statsStagedKey = 'dashboard.staged';

/** Staged messages that make a flush inside the staging transaction: few enough to keep it a few ms. */
const flushEvery = 1_000;
/** Quiet time after the last staged count before a flush of its own. */
const flushAfterMs = 1_000;

/**
 * The per-message counts that commute (dashboard_daily increments, dashboard_contact_days set
 * inserts) and the office day of an episode opened on a
 * conversation's row are staged in this connection's TEMP table inside the ingest's transaction —
 * rolled back with it, never written to the WAL — and flushed into the real tables together: every
 * `flushEvery` messages, after a quiet second, and before anything reads or copies those tables.
 * Each message then touches no page of them, nor of the open episodes' index; a flush touches each
 * page once. One per connection, shared by every StatsKeeper on it.
 */
export class StagedCounts {
  private readonly q;
  private readonly flushAll: () => void;
  /** Messages staged since the last flush; a rollback may leave it high, which only flushes early. */
  private pending = 0;
  /** False only when a committed flush left nothing staged (a rolled-back staging leaves it true: harmless). */
  private maybeStaged = true;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly sqlite: Database.Database) {
    // A TEMP table created inside a transaction would go with its rollback.
    if (sqlite.inTransaction) throw new Error('The dashboard staging tables are created outside a transaction.');
    // One appended row per message, summed at the flush: an append is the cheapest write there is
    // (an upsert per table through a view's trigger cost ~7 µs a message). The settings mark goes
    // with the first row after a flush (rowid 1 in an emptied table, again after a rollback emptied
    // it), so it is committed with the staging it marks and rolls back with it.
    sqlite.exec(`
      create temp table if not exists staged_message (day text not null, whatsapp_number_id integer not null, agent_id integer not null, direction text not null,
        type text not null, messages integer not null, contact_id integer, opened_conversation_id integer);
      create temp trigger if not exists staged_message_mark after insert on staged_message when new.rowid = 1 begin
        insert into main.settings (key, value) select '${statsStagedKey}', 'true' where not exists (select 1 from main.settings where key = '${statsStagedKey}');
      end;`);
    this.q = {
      unmark: sqlite.prepare<[string]>('delete from main.settings where key = ?'),
      stage: sqlite.prepare<[string, number, number, string, string, number, number | null, number | null]>(
        'insert into temp.staged_message (day, whatsapp_number_id, agent_id, direction, type, messages, contact_id, opened_conversation_id) values (?, ?, ?, ?, ?, ?, ?, ?)',
      ),
      // In key order, so each page of the real tables is visited once.
      flushDaily: sqlite.prepare(
        `insert into main.dashboard_daily (day, whatsapp_number_id, agent_id, direction, type, messages)
         select day, whatsapp_number_id, agent_id, direction, type, sum(messages) from temp.staged_message where true
         group by day, whatsapp_number_id, agent_id, direction, type having sum(messages) <> 0 order by day, whatsapp_number_id, agent_id, direction, type
         on conflict (day, whatsapp_number_id, agent_id, direction, type) do update set messages = messages + excluded.messages`,
      ),
      flushContactDays: sqlite.prepare(
        `insert or ignore into main.dashboard_contact_days (day, whatsapp_number_id, contact_id)
         select distinct day, whatsapp_number_id, contact_id from temp.staged_message where contact_id is not null order by day, whatsapp_number_id, contact_id`,
      ),
      // Each customer's last day is folded in from the contact days when read (contact-last.ts): the
      // earliest day written here marks where the fold starts, lowered for a late message's day.
      markContactLast: sqlite.prepare(
        `insert into main.settings (key, value) select '${contactLastFromKey}', json_quote(min(day)) from temp.staged_message where contact_id is not null having min(day) is not null
         on conflict (key) do update set value = excluded.value where excluded.value < value`,
      ),
      // The open episodes' office days, as staged with the message that opened each (its latest
      // staging: SQLite takes a bare column from the max() row), on those still open and still
      // without one (settled or rebuilt since, they have theirs).
      flushOpenDays: sqlite.prepare(
        `update main.conversations set open_start_day = s.day
         from (select opened_conversation_id as id, day, max(rowid) from temp.staged_message where opened_conversation_id is not null group by opened_conversation_id) s
         where conversations.id = s.id and conversations.open_started_at is not null and conversations.open_start_day is null`,
      ),
      clear: sqlite.prepare('delete from temp.staged_message'),
    };
    this.flushAll = sqlite.transaction(() => {
      this.q.flushDaily.run();
      this.q.flushContactDays.run();
      this.q.markContactLast.run();
      this.q.flushOpenDays.run();
      this.clear();
    });
    deferWrites(sqlite, () => this.flush());
  }

  /**
   * A message's count in dashboard_daily moves by `delta`; with `contactId` (a customer's
   * message) the customer wrote on `day`: a contact day, and their last day if later; with
   * `openedConversationId` the message opened that conversation's episode, whose row holds its
   * start and no day yet (OpenEpisodes.openUndated): the flush writes the day. Inside the
   * caller's transaction; staged() after the message's last count.
   */
  count(
    day: string,
    numberId: number,
    agentId: number,
    direction: 'in' | 'out',
    type: string,
    delta: number,
    contactId: number | null = null,
    openedConversationId: number | null = null,
  ): void {
    this.q.stage.run(day, numberId, agentId, direction, type, delta, contactId, openedConversationId);
  }

  /** After a message's counts were staged (inside its transaction; the trigger marked them): flushes when enough are waiting. */
  staged(): void {
    this.maybeStaged = true;
    if (++this.pending >= flushEvery) this.flush();
    else if (this.timer) this.timer.refresh();
    else {
      this.timer = setTimeout(() => this.flushLater(), flushAfterMs);
      this.timer.unref();
    }
  }

  /**
   * Everything staged into the real tables, in one transaction (or the caller's): before a read,
   * a copy or a close. Inside a transaction that later rolls back, the staged rows come back with it.
   */
  flush(): void {
    if (this.timer && !this.sqlite.inTransaction) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (!this.maybeStaged || !this.sqlite.open) return;
    const own = !this.sqlite.inTransaction;
    this.flushAll();
    this.pending = 0;
    if (own) this.maybeStaged = false;
  }

  private flushLater(): void {
    this.timer = null;
    try {
      this.flush();
    } catch {
      // A timer's throw would end the process; staged counts stay marked and go with the next flush.
      this.timer = setTimeout(() => this.flushLater(), flushAfterMs);
      this.timer.unref();
    }
  }

  /** A rebuild replaces the figures from raw rows (inside its transaction): what was staged is in them already. */
  discard(): void {
    this.clear();
    this.pending = 0;
  }

  private clear(): void {
    this.q.clear.run();
    this.q.unmark.run(statsStagedKey);
  }
}

const byConnection = new WeakMap<Database.Database, StagedCounts>();

/** The connection's staging, created on first use (outside a transaction). */
export function stagedCounts(sqlite: Database.Database): StagedCounts {
  let staging = byConnection.get(sqlite);
  if (!staging) byConnection.set(sqlite, (staging = new StagedCounts(sqlite)));
  return staging;
}

/**
 * Before a read of the kept counts: whatever this connection staged is written (nothing to do when
 * it never staged), and the customers' last days are brought up to the contact days.
 */
export function flushStagedCounts(sqlite: Database.Database): void {
  byConnection.get(sqlite)?.flush();
  foldContactLast(sqlite);
}

/** Inside a rebuild's transaction. */
export function discardStagedCounts(sqlite: Database.Database): void {
  byConnection.get(sqlite)?.discard();
  // A rebuild writes every customer's last day from the contact days it writes: nothing is left to fold.
  sqlite.prepare('delete from settings where key in (?, ?)').run(statsStagedKey, contactLastFromKey);
}

/** At start, before anything is staged: the last run was killed with counts staged and not flushed. */
export function stagedCountsLeftOver(sqlite: Database.Database): boolean {
  return sqlite.prepare<[string], number>('select 1 from settings where key = ?').pluck().get(statsStagedKey) !== undefined;
}
