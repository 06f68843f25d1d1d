import type Database from 'better-sqlite3';

/**
 * Empties the WAL file from the writer's own connection (TRUNCATE), without waiting: a reader
 * still on an older snapshot (a backup's copy) or the checkpoint worker's pass makes it busy,
 * and it returns false rather than holding the event loop for the busy timeout (5 s). Between
 * two tasks no transaction of the writer's is open, so it never waits on itself.
 */
export function trimWal(sqlite: Database.Database): boolean {
  if (!sqlite.open || sqlite.inTransaction) return false;
  const timeout = sqlite.pragma('busy_timeout', { simple: true }) as number;
  sqlite.pragma('busy_timeout = 0');
  try {
    const [state] = sqlite.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    return state?.busy === 0;
  } catch {
    return false;
  } finally {
    sqlite.pragma(`busy_timeout = ${timeout}`);
  }
}
