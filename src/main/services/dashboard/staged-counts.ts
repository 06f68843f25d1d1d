import type Database from 'better-sqlite3';
import { deferWrites } from '../../db/deferred-writes';

/**
 * In settings while staged counts may be committed but not yet flushed: a start that finds it
 * (the app was killed between the two) has the figures recomputed (dashboard-staged.test.ts).
 * Written by a trigger with each new staged_daily row (a few per flush), not per message.
 */
export const statsStagedKey = 'dashboard.staged';

/** Staged messages that make a flush inside the staging transaction: few enough to keep it a few ms. */
const flushEvery = 1_000;
/** Quiet time after the last staged count before a flush of its own. */
const flushAfterMs = 1_000;

/**
 * The per-message counts that commute (dashboard_daily increments, dashboard_contact_days set
 * inserts, dashboard_contact_last maxima) are staged in this connection's TEMP tables inside the
 * ingest's transaction — rolled back with it, never written to the WAL — and flushed into the real
 * tables together: every `flushEvery` messages, after a quiet second, and before anything reads or
 * copies those tables. Each message then touches no page of them; a flush touches each page once.
 * One per connection, shared by every StatsKeeper on it.
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
    // One statement per staged message (a view's trigger writes the tables): a customer's last day
    // moves only with a new contact day, and the settings mark is written with a new daily row —
    // so it goes with the staging it marks if that rolls back, and otherwise costs no statement
    // per message: every staging writes staged_daily, and once a row there is committed the mark
    // is, until the flush clears both.
    sqlite.exec(`
      create temp table if not exists staged_daily (day text not null, whatsapp_number_id integer not null, agent_id integer not null, direction text not null, type text not null,
        messages integer not null, primary key (day, whatsapp_number_id, agent_id, direction, type));
      create temp table if not exists staged_contact_days (day text not null, whatsapp_number_id integer not null, contact_id integer not null, primary key (day, whatsapp_number_id, contact_id));
      create temp table if not exists staged_contact_last (contact_id integer not null, whatsapp_number_id integer not null, last_day text not null, primary key (contact_id, whatsapp_number_id));
      create temp view if not exists staged_message (day, whatsapp_number_id, agent_id, direction, type, messages, contact_id) as select null, null, null, null, null, null, null;
      create temp trigger if not exists staged_message_insert instead of insert on staged_message begin
        insert into staged_daily (day, whatsapp_number_id, agent_id, direction, type, messages) values (new.day, new.whatsapp_number_id, new.agent_id, new.direction, new.type, new.messages)
          on conflict (day, whatsapp_number_id, agent_id, direction, type) do update set messages = messages + excluded.messages;
        insert or ignore into staged_contact_days (day, whatsapp_number_id, contact_id) select new.day, new.whatsapp_number_id, new.contact_id where new.contact_id is not null;
      end;
      create temp trigger if not exists staged_contact_days_insert after insert on staged_contact_days begin
        insert into staged_contact_last (contact_id, whatsapp_number_id, last_day) values (new.contact_id, new.whatsapp_number_id, new.day)
          on conflict (contact_id, whatsapp_number_id) do update set last_day = excluded.last_day where excluded.last_day > last_day;
      end;
      create temp trigger if not exists staged_daily_mark after insert on staged_daily begin
        insert into settings (key, value) select '${statsStagedKey}', 'true' where not exists (select 1 from settings where key = '${statsStagedKey}');
      end;`);
    this.q = {
      unmark: sqlite.prepare<[string]>('delete from main.settings where key = ?'),
      stage: sqlite.prepare<[string, number, number, string, string, number, number | null]>(
        'insert into temp.staged_message (day, whatsapp_number_id, agent_id, direction, type, messages, contact_id) values (?, ?, ?, ?, ?, ?, ?)',
      ),
      // In key order, so each page of the real tables is visited once.
      flushDaily: sqlite.prepare(
        `insert into main.dashboard_daily (day, whatsapp_number_id, agent_id, direction, type, messages)
         select day, whatsapp_number_id, agent_id, direction, type, messages from temp.staged_daily where messages <> 0 order by day, whatsapp_number_id, agent_id, direction, type
         on conflict (day, whatsapp_number_id, agent_id, direction, type) do update set messages = messages + excluded.messages`,
      ),
      flushContactDays: sqlite.prepare(
        `insert or ignore into main.dashboard_contact_days (day, whatsapp_number_id, contact_id)
         select day, whatsapp_number_id, contact_id from temp.staged_contact_days order by day, whatsapp_number_id, contact_id`,
      ),
      flushContactLast: sqlite.prepare(
        `insert into main.dashboard_contact_last (contact_id, whatsapp_number_id, last_day)
         select contact_id, whatsapp_number_id, last_day from temp.staged_contact_last where true order by contact_id, whatsapp_number_id
         on conflict (contact_id, whatsapp_number_id) do update set last_day = excluded.last_day where excluded.last_day > last_day`,
      ),
      clear: [
        sqlite.prepare('delete from temp.staged_daily'),
        sqlite.prepare('delete from temp.staged_contact_days'),
        sqlite.prepare('delete from temp.staged_contact_last'),
      ],
    };
    this.flushAll = sqlite.transaction(() => {
      this.q.flushDaily.run();
      this.q.flushContactDays.run();
      this.q.flushContactLast.run();
      this.clear();
    });
    deferWrites(sqlite, () => this.flush());
  }

  /**
   * A message's count in dashboard_daily moves by `delta`, and with `contactId` (a customer's
   * message) the customer wrote on `day`: a contact day, and their last day if later. Inside the
   * caller's transaction; staged() after the message's last count.
   */
  count(day: string, numberId: number, agentId: number, direction: 'in' | 'out', type: string, delta: number, contactId: number | null = null): void {
    this.q.stage.run(day, numberId, agentId, direction, type, delta, contactId);
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
    for (const statement of this.q.clear) statement.run();
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

/** Before a read of the kept counts: whatever this connection staged is written (nothing to do when it never staged). */
export function flushStagedCounts(sqlite: Database.Database): void {
  byConnection.get(sqlite)?.flush();
}

/** Inside a rebuild's transaction. */
export function discardStagedCounts(sqlite: Database.Database): void {
  byConnection.get(sqlite)?.discard();
  sqlite.prepare('delete from settings where key = ?').run(statsStagedKey);
}

/** At start, before anything is staged: the last run was killed with counts staged and not flushed. */
export function stagedCountsLeftOver(sqlite: Database.Database): boolean {
  return sqlite.prepare<[string], number>('select 1 from settings where key = ?').pluck().get(statsStagedKey) !== undefined;
}
