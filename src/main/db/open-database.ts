import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as inbox from './schema';
import * as auth from './auth-schema';

export const schema = { ...inbox, ...auth };
export type Db = BetterSQLite3Database<typeof schema>;

export interface OpenedDatabase {
  sqlite: Database.Database;
  db: Db;
  close(): void;
}

export const databaseFileName = 'meras.db';

/**
 * Opens (creating if needed) the one database file in `dataDir` and brings it up to date
 * with the SQL migrations in `migrationsDir`. WAL + synchronous=NORMAL survive an app crash
 * without an fsync per commit; foreign keys are enforced; a busy timeout rides out a
 * concurrent backup or a second process.
 */
export function openDatabase(dataDir: string, migrationsDir: string): OpenedDatabase {
  fs.mkdirSync(dataDir, { recursive: true });
  const sqlite = new Database(path.join(dataDir, databaseFileName));
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  // SQLite changes a column by rebuilding its table; with foreign keys on, dropping the old
  // table would cascade-delete the rows that point at it. So migrations run with them off,
  // and any dangling reference they might leave is refused before the app goes on.
  sqlite.pragma('foreign_keys = OFF');
  migrate(db, { migrationsFolder: migrationsDir });
  const dangling = sqlite.pragma('foreign_key_check') as unknown[];
  if (dangling.length > 0) {
    sqlite.close();
    throw new Error(`The database has ${dangling.length} broken references after migrating; it was left as it was.`);
  }
  sqlite.pragma('foreign_keys = ON');
  return {
    sqlite,
    db,
    close() {
      if (sqlite.open) {
        sqlite.pragma('optimize');
        sqlite.close();
      }
    },
  };
}
