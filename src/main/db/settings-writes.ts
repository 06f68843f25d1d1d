import type Database from 'better-sqlite3';

/** What a cache of settings rows asks: has this connection written any since the count it last saw? */
export interface SettingsWrites {
  /** Moves with every settings row this connection inserts, updates or deletes (a rolled-back write too: a cache only reads again). */
  count(): number;
}

const byConnection = new WeakMap<Database.Database, SettingsWrites>();

/**
 * A count of this connection's writes to `settings`, moved by TEMP triggers calling a function:
 * a per-message path can keep a setting's value instead of reading it for every message (the
 * dashboard's office zone). The core writes through its one connection; a write by another
 * connection (the checkpoint worker never writes settings) would go unseen.
 * Created on first use, outside a transaction (a TEMP trigger created inside one goes with its rollback).
 */
export function settingsWrites(sqlite: Database.Database): SettingsWrites {
  let found = byConnection.get(sqlite);
  if (found) return found;
  if (sqlite.inTransaction) throw new Error('The settings-writes triggers are created outside a transaction.');
  let writes = 0;
  sqlite.function('meras_settings_written', { varargs: false }, () => {
    writes++;
    return null;
  });
  sqlite.exec(`
    create temp trigger if not exists settings_written_insert after insert on main.settings begin select meras_settings_written(); end;
    create temp trigger if not exists settings_written_update after update on main.settings begin select meras_settings_written(); end;
    create temp trigger if not exists settings_written_delete after delete on main.settings begin select meras_settings_written(); end;`);
  found = { count: () => writes };
  byConnection.set(sqlite, found);
  return found;
}
