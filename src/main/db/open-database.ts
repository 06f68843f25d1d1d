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
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsDir });
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
