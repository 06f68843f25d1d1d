import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as inbox from './schema';
import * as auth from './auth-schema';
import * as notifications from './notifications-schema';
import { makePrivateDir, makePrivateFile, tighten } from '../base/private-files';
import { flushDeferredWrites } from './deferred-writes';
import { registerOfficeDayFunction } from './office-day-function';

export const schema = { ...inbox, ...auth, ...notifications };
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
  makePrivateDir(dataDir);
  const file = path.join(dataDir, databaseFileName);
  makePrivateFile(file);
  const sqlite = new Database(file);
  // The automation rollup's triggers call it (migration 0033): before anything may write a job.
  registerOfficeDayFunction(sqlite);
  sqlite.pragma('journal_mode = WAL');
  // Left by an older version with the default mode, if any; new ones take the database's mode.
  tighten(`${file}-wal`);
  tighten(`${file}-shm`);
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('busy_timeout = 5000');
  // Every statement with a trigger, and every savepoint, keeps a statement journal while its
  // transaction is open: in memory rather than in a temporary file written at each message.
  sqlite.pragma('temp_store = MEMORY');
  // Checkpoint the WAL every ~40 MB rather than every 4 MB: a checkpoint costs two fsyncs, and
  // an inbox taking in a burst of messages would otherwise spend most of its time in them.
  // The WAL file is trimmed back after each checkpoint. (The core moves checkpoints to a
  // worker thread: background-checkpoint.ts.)
  sqlite.pragma('wal_autocheckpoint = 10000');
  sqlite.pragma('journal_size_limit = 67108864');
  // Years of messages make a database of gigabytes whose indexes are touched at random by
  // every new message. Reads come straight from a memory map of the whole file (up to SQLite's
  // 2 GiB cap): no copy, no cache to fill. The page cache then holds only pages being written
  // and pages still in the WAL, and stays small on purpose: when a page split reorders pages,
  // SQLite parks one at the lock-byte page's number (1 GiB into the file), and the commit that
  // follows walks the cache's whole hash table to drop it. With a 64 MB cache that walk took
  // tens to hundreds of µs at one commit in six, in any database under 1 GiB.
  sqlite.pragma('mmap_size = 2147418112');
  sqlite.pragma('cache_size = -4096');
  const db = drizzle(sqlite, { schema });
  // SQLite changes a column by rebuilding its table; with foreign keys on, dropping the old
  // table would cascade-delete the rows that point at it. So migrations run with them off,
  // and any dangling reference they might leave is refused before the app goes on.
  sqlite.pragma('foreign_keys = OFF');
  const applied = appliedMigrations(sqlite);
  try {
    migrate(db, { migrationsFolder: migrationsDir });
  } catch (error) {
    // Let go of the file: a restore puts the previous one back in its place (and Windows will not rename an open file).
    sqlite.close();
    throw error;
  }
  // Checking every reference reads the whole database (seconds with a million messages), so
  // only after a migration actually ran.
  const dangling = appliedMigrations(sqlite) !== applied ? (sqlite.pragma('foreign_key_check') as unknown[]) : [];
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
        try {
          flushDeferredWrites(sqlite);
        } catch {
          // Closing matters more: a holder of deferred writes marks them (the dashboard: its settings mark), so the next start recomputes.
        }
        sqlite.pragma('optimize');
        sqlite.close();
      }
    },
  };
}

function appliedMigrations(sqlite: Database.Database): number {
  const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
  return table ? (sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n : 0;
}
