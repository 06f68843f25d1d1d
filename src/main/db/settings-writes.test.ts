import { afterEach, describe, expect, it } from 'vitest';
import { migrationsDir, tempDir } from '../testing/test-core';
import { openDatabase, type OpenedDatabase } from './open-database';
import { settingsWrites } from './settings-writes';

let database: OpenedDatabase | undefined;
afterEach(() => database?.close());

describe('the count of settings writes a cached setting is checked against', () => {
  it('moves with every insert, update and delete of a setting, a rolled-back one too, and not with other writes', () => {
    database = openDatabase(tempDir(), migrationsDir);
    const { sqlite } = database;
    const writes = settingsWrites(sqlite);
    const seen = () => writes.count();
    let last = seen();
    const moved = () => {
      const now = seen();
      const did = now !== last;
      last = now;
      return did;
    };

    sqlite.prepare("insert into settings (key, value) values ('office.timeZone', ?)").run(JSON.stringify('UTC'));
    expect(moved()).toBe(true);
    sqlite.prepare("update settings set value = ? where key = 'office.timeZone'").run(JSON.stringify('Asia/Riyadh'));
    expect(moved()).toBe(true);
    expect(() =>
      sqlite.transaction(() => {
        sqlite.prepare("update settings set value = ? where key = 'office.timeZone'").run(JSON.stringify('Europe/London'));
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    // A cache reads again, and finds the value the rollback left.
    expect(moved()).toBe(true);
    sqlite.prepare("delete from settings where key = 'office.timeZone'").run();
    expect(moved()).toBe(true);
    sqlite.prepare("insert into whatsapp_numbers (name, phone_number, created_at, updated_at) values ('x', '+966500000000', 0, 0)").run();
    expect(moved()).toBe(false);
    // One set of triggers per connection, however many ask.
    expect(settingsWrites(sqlite)).toBe(writes);
  });
});
