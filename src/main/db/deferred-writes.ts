import type Database from 'better-sqlite3';

/**
 * Writes a connection holds back from the database file (the dashboard's staged counts) and the
 * way to write them: whatever copies or closes the connection (a backup, close) writes them
 * first, without knowing whose they are.
 */
const flushers = new WeakMap<Database.Database, Set<() => void>>();

export function deferWrites(sqlite: Database.Database, flush: () => void): void {
  const set = flushers.get(sqlite) ?? new Set();
  set.add(flush);
  flushers.set(sqlite, set);
}

export function flushDeferredWrites(sqlite: Database.Database): void {
  if (!sqlite.open) return;
  for (const flush of flushers.get(sqlite) ?? []) flush();
}
