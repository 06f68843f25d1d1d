import type Database from 'better-sqlite3';

/**
 * The triggers' positions in the office's append-only records (messages, the activity log,
 * the price history), kept in the settings table. A position moves in the same transaction as
 * the jobs armed or ended for what it passed, so a crash at any instant either did both or
 * neither: on start the triggers go on from where the last commit left them.
 */
export class Cursors {
  private readonly q;

  constructor(sqlite: Database.Database) {
    this.q = {
      read: sqlite.prepare<[string], { value: string }>('select value from settings where key = ?'),
      write: sqlite.prepare<[string, string, number]>(
        'insert into settings (key, value, updated_at) values (?, ?, ?) on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at',
      ),
    };
  }

  /** The position, or — the first time — `start()` written down (nothing before it is replayed). */
  get(key: CursorKey, start: () => number, now: number): number {
    const row = this.q.read.get(key);
    if (row) return Number(JSON.parse(row.value));
    const at = start();
    this.q.write.run(key, JSON.stringify(at), now);
    return at;
  }

  set(key: CursorKey, value: number, now: number): void {
    this.q.write.run(key, JSON.stringify(value), now);
  }
}

export const cursorKeys = {
  /** The highest message id whose effects (arm, re-time, cancel, opt-out) are done. */
  messages: 'automation.cursor.messages',
  /** The highest activity-log id read for resolves, archives and new or newly available properties. */
  activity: 'automation.cursor.activity',
  /** The highest property_price_history id read for price changes. */
  prices: 'automation.cursor.prices',
} as const;
export type CursorKey = (typeof cursorKeys)[keyof typeof cursorKeys];
