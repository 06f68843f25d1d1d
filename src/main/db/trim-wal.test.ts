import fs from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsDir, tempDir } from '../testing/test-core';
import { openDatabase, type OpenedDatabase } from './open-database';
import { trimWal } from './trim-wal';

let database: OpenedDatabase | undefined;
let reader: Database.Database | undefined;
afterEach(() => {
  reader?.close();
  database?.close();
});

describe('emptying the WAL from the writer', () => {
  it('gives up at once while a reader is still on an older snapshot, keeping the busy timeout, and empties the file once it is done', () => {
    database = openDatabase(tempDir(), migrationsDir);
    const { sqlite } = database;
    const insert = sqlite.prepare("insert into settings (key, value) values (?, '1')");
    insert.run('before');
    // A backup's copy: one read transaction on the database as it is now.
    reader = new Database(sqlite.name, { readonly: true });
    reader.exec('BEGIN');
    reader.prepare('select count(*) from settings').get();
    insert.run('after');

    expect(trimWal(sqlite)).toBe(false);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);

    reader.exec('COMMIT');
    expect(trimWal(sqlite)).toBe(true);
    expect(fs.statSync(`${sqlite.name}-wal`).size).toBe(0);
  });
});
