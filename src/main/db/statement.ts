import type Database from 'better-sqlite3';

const prepared = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/**
 * A statement prepared once per connection and kept: for code that runs on every message or
 * request but is not a service with its own prepared set (preparing costs tens of µs, more
 * than running a lookup by key).
 */
export function statement<P extends unknown[] = unknown[], R = unknown>(sqlite: Database.Database, sql: string): Database.Statement<P, R> {
  let byText = prepared.get(sqlite);
  if (!byText) prepared.set(sqlite, (byText = new Map()));
  let found = byText.get(sql);
  if (!found) byText.set(sql, (found = sqlite.prepare(sql)));
  return found as unknown as Database.Statement<P, R>;
}
