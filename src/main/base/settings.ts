import type Database from 'better-sqlite3';
import { statement } from '../db/statement';

/** A setting's value (stored as JSON) when it is a non-empty string, else null. */
export function readSetting(sqlite: Database.Database, key: string): string | null {
  const row = statement<[string], { value: string }>(sqlite, 'select value from settings where key = ?').get(key);
  if (!row) return null;
  try {
    const value: unknown = JSON.parse(row.value);
    return typeof value === 'string' && value.length > 0 ? value : null;
  } catch {
    return null;
  }
}
