import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseFileName, openDatabase, type OpenedDatabase } from './open-database';
import { migrationsDir, startTestCore, tempDir } from '../testing/test-core';

const tablesOf = (db: OpenedDatabase) =>
  (db.sqlite.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[]).map((r) => r.name);

const inboxTables = ['activity_log', 'branches', 'contacts', 'conversations', 'message_attachments', 'messages', 'sessions', 'settings', 'users', 'whatsapp_numbers'];

const readJournal = () => JSON.parse(fs.readFileSync(path.join(migrationsDir, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };

/** A migrations folder holding only the first `count` migrations: the app as an older version shipped it. */
function olderMigrations(count: number): string {
  const dir = tempDir('meras-migrations-');
  const journal = readJournal();
  journal.entries = journal.entries.slice(0, count);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta/_journal.json'), JSON.stringify(journal));
  for (const entry of journal.entries) fs.copyFileSync(path.join(migrationsDir, `${entry.tag}.sql`), path.join(dir, `${entry.tag}.sql`));
  return dir;
}

/**
 * A core started on a database that the app, as it was before the migration whose tag starts
 * with `tag`, filled with `sql`; its search indexer only runs when asked; signed in as admin.
 */
async function upgradedFrom(tag: string, sql: string) {
  const dataDir = tempDir();
  const old = openDatabase(dataDir, olderMigrations(readJournal().entries.findIndex((e) => e.tag.startsWith(tag))));
  old.sqlite.exec(sql);
  old.close();
  const t = startTestCore({ dataDir });
  t.core.searchIndex.stop();
  try {
    return { t, token: (await t.setupAdmin()).token };
  } catch (error) {
    await t.close();
    throw error;
  }
}

describe('database start-up', () => {
  const opened: OpenedDatabase[] = [];
  afterEach(() => opened.splice(0).forEach((db) => db.close()));

  it('creates every inbox table in a fresh data folder', () => {
    const db = openDatabase(tempDir(), migrationsDir);
    opened.push(db);
    expect(tablesOf(db)).toEqual(expect.arrayContaining(inboxTables));
  });

  it('runs in WAL mode with foreign keys enforced and a busy timeout', () => {
    const db = openDatabase(tempDir(), migrationsDir);
    opened.push(db);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(() => db.sqlite.prepare('insert into conversations (contact_id, whatsapp_number_id) values (999, 999)').run()).toThrow(/FOREIGN KEY/);
  });

  it('brings a database from the first version up to date and keeps its data, conversations included', () => {
    const dataDir = tempDir();
    const old = openDatabase(dataDir, olderMigrations(1));
    old.sqlite.exec(`
      insert into users (name, email, password_hash, role) values ('Old admin', 'old@office.test', 'x', 'admin');
      insert into whatsapp_numbers (name) values ('Sales');
      insert into contacts (phone, name) values ('+966501234567', 'Customer');
      insert into conversations (contact_id, whatsapp_number_id) values (1, 1);
      insert into messages (conversation_id, whatsapp_number_id, content, sender) values (1, 1, 'hello', 'customer');
    `);
    expect(tablesOf(old)).not.toContain('sessions');
    old.close();

    const current = openDatabase(dataDir, migrationsDir);
    opened.push(current);
    expect(tablesOf(current)).toEqual(expect.arrayContaining(inboxTables));
    expect(current.sqlite.prepare('select email from users').all()).toEqual([{ email: 'old@office.test' }]);
    // Later migrations rebuild tables; a rebuild must not cascade-delete what points at them.
    expect(current.sqlite.prepare('select content from messages').all()).toEqual([{ content: 'hello' }]);
    expect(current.sqlite.prepare('select count(*) as n from conversations').get()).toEqual({ n: 1 });
    expect(current.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });

  it('finds the customers of a database from before the phone index by the middle of their phones', async () => {
    const { t, token } = await upgradedFrom(
      '0009_',
      `insert into whatsapp_numbers (name) values ('Sales');
       insert into contacts (phone, name) values ('+966551234567', 'Customer'), ('+966509999999', 'Other');
       insert into conversations (contact_id, whatsapp_number_id, last_message_time) values (1, 1, 1), (2, 1, 2);`,
    );
    try {
      // Nothing waits in the search queue: the migration itself indexed the phones.
      t.core.database.sqlite.exec('delete from search_queue');
      const found = await t.call('conversations.list', { search: '1234567' }, token);
      expect(found.data.map((c) => c.contact.name)).toEqual(['Customer']);
    } finally {
      await t.close();
    }
  });

  it('keeps every message and customer of a database from before new rows were indexed by id searchable, and those stored after', async () => {
    const { t, token } = await upgradedFrom(
      '0011_',
      `insert into whatsapp_numbers (name) values ('Sales');
       insert into contacts (phone, name) values ('+966551234567', 'فهد العتيبي');
       insert into conversations (contact_id, whatsapp_number_id, last_message_time) values (1, 1, 1);
       insert into messages (conversation_id, whatsapp_number_id, content, sender, created_at) values (1, 1, 'ابحث عن شقة في النخيل', 'customer', 1);`,
    );
    try {
      t.core.database.sqlite.exec(`
        insert into contacts (phone, name) values ('+966559999999', 'نورة الشهري');
        insert into conversations (contact_id, whatsapp_number_id, last_message_time) values (2, 1, 2);
        insert into messages (conversation_id, whatsapp_number_id, content, sender, created_at) values (2, 1, 'فيلا في الياسمين', 'customer', 2);
      `);
      const names = async (search: string) => (await t.call('conversations.list', { search }, token)).data.map((c) => c.contact.name);
      expect(await names('النخيل')).toEqual(['فهد العتيبي']);
      expect(await names('العتيبي')).toEqual(['فهد العتيبي']);
      expect(await names('الياسمين')).toEqual(['نورة الشهري']);
      expect(await names('الشهري')).toEqual(['نورة الشهري']);
      expect(t.core.searchIndex.pending()).toBe(0);
    } finally {
      await t.close();
    }
  });

  it('keeps the answers of a database from before client ids, and a resent answer is stored once after it', async () => {
    const { t, token } = await upgradedFrom(
      '0015_',
      `insert into whatsapp_numbers (name) values ('Sales');
       insert into contacts (phone, name) values ('+966551234567', 'فهد العتيبي');
       insert into conversations (contact_id, whatsapp_number_id, last_message_time) values (1, 1, 1);
       insert into messages (conversation_id, whatsapp_number_id, content, sender, status, created_at) values (1, 1, 'أهلاً فهد', 'agent', 'queued', 1);`,
    );
    try {
      const input = { conversationId: 1, content: 'الشقة متاحة', clientId: '0b8f5a52-2d6f-4e7a-9c1e-3f2a1b0c9d8e' };
      const sent = await t.call('messages.send', input, token);
      expect((await t.call('messages.send', input, token)).id).toBe(sent.id);
      const thread = await t.call('messages.list', { conversationId: 1 }, token);
      expect(thread.map((m) => [m.content, m.clientId ?? null])).toEqual([['أهلاً فهد', null], ['الشقة متاحة', input.clientId]]);
    } finally {
      await t.close();
    }
  });

  it('keeps an agent the contacts they added before contacts were scoped, read from the activity log', async () => {
    const { t } = await upgradedFrom(
      '0018_',
      `insert into users (id, name, email, password_hash, role) values (7, 'Agent', 'agent@office.test', 'x', 'agent');
       insert into contacts (id, phone, name) values (1, '+966551234567', 'Added by the agent'), (2, '+966559999999', 'Wrote in');
       insert into activity_log (user_id, action, entity_type, entity_id) values (7, 'contact.created', 'contact', 1), (7, 'contact.updated', 'contact', 2);`,
    );
    try {
      const rows = t.core.database.sqlite.prepare('select id, created_by from contacts order by id').all();
      expect(rows).toEqual([
        { id: 1, created_by: 7 },
        { id: 2, created_by: null },
      ]);
    } finally {
      await t.close();
    }
  });

  it('chains the activity log written before it was chained, in order, once, and keeps who wrote each entry', async () => {
    const { t, token } = await upgradedFrom(
      '0030_',
      `insert into users (id, name, email, password_hash, role) values (7, 'نورة', 'noura@office.test', 'x', 'supervisor');
       insert into activity_log (user_id, action, entity_type, entity_id, details, created_at) values
         (7, 'contact.created', 'contact', 1, '{"name":"سارة"}', 1000), (null, 'offer.expired', 'offer', 2, null, 2000), (7, 'contact.updated', 'contact', 1, null, 3000);`,
    );
    try {
      const sqlite = t.core.database.sqlite;
      const legacy = sqlite.prepare('select id, actor_id, actor_name, prev_hash, hash from activity_log where id <= 3 order by id').all() as { id: number; actor_id: number | null; actor_name: string | null; prev_hash: string; hash: string }[];
      expect(legacy.map((r) => [r.id, r.actor_id, r.actor_name])).toEqual([
        [1, 7, 'نورة'],
        [2, null, null],
        [3, 7, 'نورة'],
      ]);
      expect(legacy[0]!.prev_hash).toBe('0'.repeat(64));
      expect(legacy[1]!.prev_hash).toBe(legacy[0]!.hash);
      expect(legacy[2]!.prev_hash).toBe(legacy[1]!.hash);
      // What the new version appends (setting up the admin) chains onto them.
      const appended = sqlite.prepare('select prev_hash from activity_log where id = 4').get() as { prev_hash: string };
      expect(appended.prev_hash).toBe(legacy[2]!.hash);
      const count = (sqlite.prepare('select count(*) as n from activity_log').get() as { n: number }).n;
      expect(await t.call('activity.verify', {}, token)).toEqual({ ok: true, checked: count, lastId: count, broken: null });

      // The next start finds nothing left to chain and changes nothing.
      const before = sqlite.prepare('select id, hash from activity_log order by id').all();
      const dataDir = t.dataDir;
      await t.close();
      const again = startTestCore({ dataDir });
      try {
        again.core.searchIndex.stop();
        expect(again.core.database.sqlite.prepare('select id, hash from activity_log order by id').all()).toEqual(before);
      } finally {
        await again.close();
      }
    } catch (error) {
      await t.close();
      throw error;
    }
  });

  it('turns the catalogue’s riyal prices into halalas once, and keeps unpriced properties unpriced', async () => {
    const { t, token } = await upgradedFrom(
      '0020_',
      `insert into properties (id, name, type, price) values (1, 'فيلا', 'villa', 3200000), (2, 'أرض', 'land', null);`,
    );
    try {
      const listed = await t.call('properties.list', {}, token);
      expect(listed.map((p) => [p.id, p.price, p.listing, p.status])).toEqual([
        [2, null, 'sale', 'available'],
        [1, 320_000_000, 'sale', 'available'],
      ]);
    } finally {
      await t.close();
    }
  });

  it('lists, counts and cancels a rule’s pending jobs of a database from before its job index left out their status, its sent one among the past', async () => {
    const day = 24 * 60 * 60_000;
    const soon = Date.now() + day;
    const { t, token } = await upgradedFrom(
      '0045_',
      `insert into whatsapp_numbers (name) values ('Sales');
       insert into contacts (phone, name) values ('+966551234567', 'Customer');
       insert into conversations (contact_id, whatsapp_number_id, last_message_time) values (1, 1, 1);
       insert into message_templates (name, content, variables, created_at, updated_at) values ('Welcome', 'Hello', '[]', 1, 1);
       insert into automation_rules (name, trigger, delay_minutes, template_id, is_active, whatsapp_number_id, created_at, updated_at)
         values ('Follow up', 'follow_up', 60, 1, 1, 1, 1, 1);
       insert into automation_jobs (rule_id, rule_name, trigger, whatsapp_number_id, conversation_id, contact_id, idempotency_key, due_at, status, finished_at, created_at, updated_at)
         values (1, 'Follow up', 'follow_up', 1, 1, 1, 'old', 1, 'sent', 2, 1, 2),
                (1, 'Follow up', 'follow_up', 1, 1, 1, 'later', ${soon + day}, 'pending', null, 1, 1),
                (1, 'Follow up', 'follow_up', 1, 1, 1, 'sooner', ${soon}, 'pending', null, 1, 1);`,
    );
    try {
      const pendingJobs = async () => (await t.call('automation.listRules', {}, token)).data.find((r) => r.id === 1)!.pendingJobs;
      expect(await pendingJobs()).toBe(2);
      const upcoming = await t.call('automation.ruleJobs', { ruleId: 1 }, token);
      expect(upcoming.jobs.map((j) => j.id)).toEqual([3, 2]);
      const past = await t.call('automation.ruleJobs', { ruleId: 1, view: 'past' }, token);
      expect(past.jobs.map((j) => [j.id, j.status])).toEqual([[1, 'sent']]);

      await t.call('automation.toggleRule', { id: 1 }, token);
      expect(await pendingJobs()).toBe(0);
      const statuses = t.core.database.sqlite.prepare('select id, status from automation_jobs order by id').all();
      expect(statuses).toEqual([
        { id: 1, status: 'sent' },
        { id: 2, status: 'cancelled' },
        { id: 3, status: 'cancelled' },
      ]);
    } finally {
      await t.close();
    }
  });

  it('opens an up-to-date database again without changing it', () => {
    const dataDir = tempDir();
    openDatabase(dataDir, migrationsDir).close();
    const count = () => {
      const raw = new Database(path.join(dataDir, databaseFileName), { readonly: true });
      const n = (raw.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
      raw.close();
      return n;
    };
    const before = count();
    openDatabase(dataDir, migrationsDir).close();
    expect(count()).toBe(before);
  });
});
