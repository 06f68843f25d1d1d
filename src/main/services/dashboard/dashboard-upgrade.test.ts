import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { migrationsDir, tempDir } from '../../testing/test-core';
import { ensureDashboardStats, rebuildDashboardStats } from './stats-rebuild';

/** A migrations folder holding those before the one tagged `tag`: the app as it shipped before it. */
function migrationsBefore(tag: string): string {
  const dir = tempDir('meras-migrations-');
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, journal.entries.findIndex((e) => e.tag === tag));
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries) fs.copyFileSync(path.join(migrationsDir, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  return dir;
}

describe('the dashboard’s figures kept before migration 0036', () => {
  const opened: OpenedDatabase[] = [];
  afterEach(() => opened.splice(0).forEach((db) => db.close()));

  it('gain each episode’s previous day and latest mark, and each customer’s last day, without a rebuild', () => {
    const dataDir = tempDir();
    const old = openDatabase(dataDir, migrationsBefore('0036_dashboard_rollups'));
    // A reopened on the 25th; B once on the 24th.
    old.sqlite.exec(`
      insert into whatsapp_numbers (name) values ('Sales');
      insert into contacts (phone, name) values ('+966501234567', 'A'), ('+966501234568', 'B');
      insert into conversations (contact_id, whatsapp_number_id) values (1, 1), (2, 1);
      insert into dashboard_episodes (conversation_id, whatsapp_number_id, started_at, start_day, first_reply_at) values
        (1, 1, 1000, '2026-11-24', 2000), (2, 1, 5000, '2026-11-24', null), (1, 1, 90000000, '2026-11-25', null);
      insert into dashboard_contact_days (day, whatsapp_number_id, contact_id) values ('2026-11-24', 1, 1), ('2026-11-25', 1, 1), ('2026-11-24', 1, 2);
    `);
    old.close();

    const db = openDatabase(dataDir, migrationsDir);
    opened.push(db);
    // Each conversation's last episode, unanswered, is open on its row since 0042.
    expect(db.sqlite.prepare('select conversation_id, start_day, prev_start_day from dashboard_episodes order by conversation_id, started_at').all()).toEqual([
      { conversation_id: 1, start_day: '2026-11-24', prev_start_day: null },
    ]);
    expect(db.sqlite.prepare('select id, open_start_day, open_prev_start_day from conversations order by id').all()).toEqual([
      { id: 1, open_start_day: '2026-11-25', open_prev_start_day: '2026-11-24' },
      { id: 2, open_start_day: '2026-11-24', open_prev_start_day: null },
    ]);
    expect(db.sqlite.prepare('select contact_id, whatsapp_number_id, last_day from dashboard_contact_last order by contact_id').all()).toEqual([
      { contact_id: 1, whatsapp_number_id: 1, last_day: '2026-11-25' },
      { contact_id: 2, whatsapp_number_id: 1, last_day: '2026-11-24' },
    ]);
    // Waiting now reads only the open episodes' index.
    expect(db.sqlite.prepare('select count(*) as n from conversations indexed by conversations_open_episode where open_start_day is not null').get()).toEqual({ n: 2 });
  });

  it('keep a conversation’s last unanswered episode on the conversation from 0042, as a rebuild from raw rows does', () => {
    const dataDir = tempDir();
    const old = openDatabase(dataDir, migrationsBefore('0042_dashboard_open_episode'));
    const t = Date.UTC(2026, 10, 24, 9, 0);
    const minute = 60_000;
    // A writes, is answered and resolved, then writes again the next day and waits; B writes and waits;
    // C was answered. The episodes are kept as before 0042: all in dashboard_episodes, the latest marked.
    old.sqlite.exec(`
      insert into whatsapp_numbers (name) values ('Sales');
      insert into contacts (phone, name) values ('+966501234567', 'A'), ('+966501234568', 'B'), ('+966501234569', 'C');
      insert into conversations (contact_id, whatsapp_number_id, status) values (1, 1, 'active'), (2, 1, 'active'), (3, 1, 'active');
      insert into messages (conversation_id, whatsapp_number_id, sender, status, created_at) values
        (1, 1, 'customer', 'delivered', ${t}), (1, 1, 'agent', 'read', ${t + 5 * minute}), (1, 1, 'customer', 'delivered', ${t + 1440 * minute}),
        (2, 1, 'customer', 'delivered', ${t + 10 * minute}), (3, 1, 'customer', 'delivered', ${t + 20 * minute}), (3, 1, 'agent', 'read', ${t + 21 * minute});
      insert into activity_log (action, entity_type, entity_id, details, created_at) values
        ('conversation.status_changed', 'conversation', 1, '{"to":"resolved"}', ${t + 6 * minute});
      insert into dashboard_episodes (conversation_id, whatsapp_number_id, started_at, start_day, first_reply_at, first_reply_message_id, response_ms, prev_start_day, latest) values
        (1, 1, ${t}, '2026-11-24', ${t + 5 * minute}, 2, ${5 * minute}, null, 0),
        (1, 1, ${t + 1440 * minute}, '2026-11-25', null, null, null, '2026-11-24', 1),
        (2, 1, ${t + 10 * minute}, '2026-11-24', null, null, null, null, 1),
        (3, 1, ${t + 20 * minute}, '2026-11-24', ${t + 21 * minute}, 6, ${minute}, null, 1);
    `);
    old.close();

    const db = openDatabase(dataDir, migrationsDir);
    opened.push(db);
    const episodes = () => ({
      settled: db.sqlite.prepare('select conversation_id, started_at, start_day, first_reply_at, first_reply_message_id, response_ms, prev_start_day from dashboard_episodes order by conversation_id, started_at').all(),
      open: db.sqlite.prepare('select id, open_started_at, open_start_day, open_prev_start_day from conversations where open_started_at is not null order by id').all(),
    });
    const upgraded = episodes();
    expect(upgraded.open).toEqual([
      { id: 1, open_started_at: t + 1440 * minute, open_start_day: '2026-11-25', open_prev_start_day: '2026-11-24' },
      { id: 2, open_started_at: t + 10 * minute, open_start_day: '2026-11-24', open_prev_start_day: null },
    ]);
    rebuildDashboardStats(db.sqlite, 1);
    expect(episodes()).toEqual(upgraded);
  });

  it('are built again from raw rows at the first start after a failed message stopped counting as sent (0039)', () => {
    const dataDir = tempDir();
    const old = openDatabase(dataDir, migrationsBefore('0039_dashboard_failed_not_sent'));
    old.sqlite.prepare("insert into settings (key, value, updated_at) values ('dashboard.statsBuiltAt', '1', 1)").run();
    old.close();

    const db = openDatabase(dataDir, migrationsDir);
    opened.push(db);
    // ensureDashboardStats (at start) rebuilds when it finds no build time.
    expect(db.sqlite.prepare("select count(*) as n from settings where key = 'dashboard.statsBuiltAt'").get()).toEqual({ n: 0 });
  });

  it('are rebuilt at start when the app closed before the rebuild a new zone asked for', () => {
    const db = openDatabase(tempDir(), migrationsDir);
    opened.push(db);
    db.sqlite.exec(`
      insert into settings (key, value, updated_at) values ('dashboard.statsBuiltAt', '1', 1), ('dashboard.recomputing', '2', 2);
      insert into dashboard_daily (day, whatsapp_number_id, agent_id, direction, type, messages) values ('2026-11-24', 1, 0, 'in', 'text', 3);
    `);
    ensureDashboardStats(db.sqlite, 5);
    expect(db.sqlite.prepare('select count(*) as n from dashboard_daily').get()).toEqual({ n: 0 });
    expect(db.sqlite.prepare("select key, value from settings where key like 'dashboard.%' order by key").all()).toEqual([{ key: 'dashboard.statsBuiltAt', value: '5' }]);
  });
});
