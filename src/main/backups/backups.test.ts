import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupManifest } from '../../shared/backups/types';
import { databaseFileName } from '../db/open-database';
import { CallFailed, manualClock, migrationsDir, startTestCore, tempDir } from '../testing/test-core';
import type { InboundMessage } from '../whatsapp/transport';

type TestCore = ReturnType<typeof startTestCore>;
const open: TestCore[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

/** A core whose backups use a cheap scrypt (the format is the same; only the work factor differs). */
function core(options: Parameters<typeof startTestCore>[0] = {}) {
  const t = startTestCore({ backups: { scryptLogN: 10 }, ...options });
  open.push(t);
  return t;
}

const manifestOf = (folder: string, id: string) => JSON.parse(fs.readFileSync(path.join(folder, id, 'manifest.json'), 'utf8')) as BackupManifest;
const templateNames = async (t: TestCore, token: string) => (await t.call('templates.list', {}, token)).map((x) => x.name).sort();

/** A migrations folder with one more migration than this app knows: a newer version's. */
function newerMigrations(sql = 'create table future_things (id integer primary key);'): string {
  const dir = tempDir('meras-migrations-');
  fs.cpSync(migrationsDir, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta/_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; when: number; tag: string }[] };
  const last = journal.entries.at(-1)!;
  journal.entries.push({ ...last, idx: last.idx + 1, when: last.when + 1_000, tag: '9999_future' });
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  fs.writeFileSync(path.join(dir, '9999_future.sql'), sql);
  return dir;
}

async function officeWithBackups(options: { passphrase?: string } = {}) {
  const t = core();
  const admin = await t.setupAdmin();
  const folder = tempDir('meras-backups-');
  await t.call('backups.updateSettings', { folder, ...(options.passphrase ? { passphrase: options.passphrase } : {}) }, admin.token);
  return { t, admin, folder };
}

async function failureOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CallFailed) return error.error;
    throw error;
  }
  throw new Error('expected the call to fail');
}

let seq = 0;
function customerMessage(i: number): InboundMessage {
  seq++;
  const phone = `9665${String(10_000_000 + (i % 200)).padStart(8, '0')}`;
  return {
    providerId: `false_${phone}@c.us_BK${seq}`,
    chatId: `${phone}@c.us`,
    fromMe: false,
    chatKind: 'user',
    customerPhone: phone,
    customerLid: null,
    profileName: `عميل ${i % 200}`,
    body: `رسالة رقم ${i}: هل الشقة في حي النرجس متاحة؟`,
    type: 'chat',
    hasMedia: false,
    timestamp: Date.UTC(2026, 10, 25, 8, 0, 0) + i * 1000,
  };
}

describe('backups', () => {
  it('a backup taken while 5,000 messages stream in passes quick_check and holds exactly the rows its manifest counts', async () => {
    const { t, admin, folder } = await officeWithBackups();
    const sqlite = t.core.database.sqlite;
    sqlite.prepare("insert into whatsapp_numbers (id, name) values (1, 'Sales')").run();
    const ingest = t.core.whatsapp.ingest;
    for (let i = 0; i < 2_500; i++) ingest.ingest(1, customerMessage(i));
    const count = () => (sqlite.prepare('select count(*) as n from messages').get() as { n: number }).n;

    // The other 2,500 arrive in small commits while the backup runs, as a catch-up would.
    const countsWhileCopying = new Set<number>();
    const backstopsWhileCopying: unknown[] = [];
    const unsubscribe = t.core.bus.subscribe((m) => {
      if (m.event === 'backups.progress' && (m.data as { stage: string }).stage === 'copying') {
        countsWhileCopying.add(count());
        backstopsWhileCopying.push(sqlite.pragma('wal_autocheckpoint', { simple: true }));
      }
    });
    const backstop = sqlite.pragma('wal_autocheckpoint', { simple: true });
    const backup = t.call('backups.run', {}, admin.token);
    for (let i = 2_500; i < 5_000; i += 10) {
      for (let j = i; j < i + 10; j++) ingest.ingest(1, customerMessage(j));
      await new Promise((resolve) => setImmediate(resolve));
    }
    const view = await backup;
    unsubscribe();
    expect(count()).toBe(5_000);
    // The core's commits did not checkpoint (and sync) while the copy was made, and do again once it is written.
    expect(backstopsWhileCopying.at(-1)).toBe(0);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(backstop);
    expect(countsWhileCopying.size).toBeGreaterThan(1);

    const manifest = manifestOf(folder, view.id);
    const copy = new Database(path.join(folder, view.id, 'meras.db'), { readonly: true });
    try {
      expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
      expect(copy.pragma('foreign_key_check')).toEqual([]);
      const inCopy = (table: string) => (copy.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
      expect(manifest.tables.messages).toBe(inCopy('messages'));
      expect(manifest.tables.messages).toBeGreaterThanOrEqual(2_500);
      expect(manifest.tables.messages).toBeLessThanOrEqual(5_000);
      expect(manifest.tables.conversations).toBe(inCopy('conversations'));
      // Each conversation's last message is in the copy: no commit was half copied.
      const unreadTotal = (copy.prepare('select sum(unread_count) as n from conversations').get() as { n: number }).n;
      expect(unreadTotal).toBe(inCopy('messages'));
    } finally {
      copy.close();
    }
    expect(manifest.lastMigration.tag).toMatch(/^\d{4}_/);
    expect(manifest.appVersion).toBe('0.0.0');
    expect(manifest.database.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readdirSync(folder).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('restoring an encrypted backup gives back the data as it was when the backup was taken', async () => {
    const { t, admin, folder } = await officeWithBackups({ passphrase: 'office-secret-1' });
    await t.call('templates.create', { name: 'ترحيب', content: 'أهلًا {{name}}' }, admin.token);
    const backup = await t.call('backups.run', {}, admin.token);
    expect(backup).toMatchObject({ result: 'ok', encrypted: true });
    expect(fs.existsSync(path.join(folder, backup.id, 'meras.db'))).toBe(false);
    expect(fs.readFileSync(path.join(folder, backup.id, 'meras.db.age')).subarray(0, 21).toString()).toBe('age-encryption.org/v1');

    await t.call('templates.create', { name: 'متابعة', content: 'نتابع معك' }, admin.token);
    expect(await templateNames(t, admin.token)).toEqual(['ترحيب', 'متابعة']);

    const { restored, safetyBackupId } = await t.call('backups.restore', { id: backup.id, confirm: true }, admin.token);
    expect(restored.id).toBe(backup.id);
    expect(await templateNames(t, admin.token)).toEqual(['ترحيب']);
    // What was replaced is itself a backup, listed with the rest.
    const list = await t.call('backups.list', {}, admin.token);
    expect(list.backups.map((b) => b.id)).toContain(safetyBackupId);
    expect(list.backups.find((b) => b.id === safetyBackupId)?.reason).toBe('before-restore');
    expect(fs.readdirSync(t.dataDir).filter((n) => n.startsWith('.restore-'))).toEqual([]);
    const progress = t.events.filter((e) => e.event === 'backups.progress').map((e) => e.data as { operation: string; stage: string });
    expect(progress.filter((p) => p.operation === 'restore').map((p) => p.stage)).toEqual(expect.arrayContaining(['decrypting', 'swapping', 'done']));
  });

  it('copies media files once by content hash, encrypted, and a restore brings back the ones the data folder lost', async () => {
    const { t, admin, folder } = await officeWithBackups({ passphrase: 'office-secret-1' });
    const media = path.join(t.dataDir, 'media');
    const photo = 'c'.repeat(64);
    fs.writeFileSync(path.join(media, photo), 'صورة الفيلا');
    const first = await t.call('backups.run', {}, admin.token);
    const second = await t.call('backups.run', {}, admin.token);
    expect(manifestOf(folder, first.id).media).toMatchObject({ hashes: [photo], copied: 1 });
    // Already in the folder: not copied again.
    expect(manifestOf(folder, second.id).media).toMatchObject({ hashes: [photo], copied: 0 });
    const mediaFolder = path.join(folder, manifestOf(folder, first.id).media.folder);
    expect(fs.readdirSync(mediaFolder).sort()).toEqual([`${photo}.age`, 'key.age']);
    expect(fs.readFileSync(path.join(mediaFolder, `${photo}.age`)).includes(Buffer.from('صورة الفيلا'))).toBe(false);

    fs.rmSync(path.join(media, photo));
    await t.call('backups.restore', { id: first.id, confirm: true }, admin.token);
    expect(fs.readFileSync(path.join(media, photo), 'utf8')).toBe('صورة الفيلا');
  });

  describe('a restore that is refused changes nothing', () => {
    async function officeWithChange() {
      const o = await officeWithBackups({ passphrase: 'office-secret-1' });
      await o.t.call('templates.create', { name: 'ترحيب', content: 'أهلًا' }, o.admin.token);
      const backup = await o.t.call('backups.run', {}, o.admin.token);
      await o.t.call('templates.create', { name: 'متابعة', content: 'نتابع معك' }, o.admin.token);
      const before = { names: await templateNames(o.t, o.admin.token), backups: fs.readdirSync(o.folder).sort(), data: fs.readdirSync(o.t.dataDir).sort() };
      const unchanged = async () => {
        expect(await templateNames(o.t, o.admin.token)).toEqual(before.names);
        expect(fs.readdirSync(o.folder).sort()).toEqual(before.backups);
        expect(fs.readdirSync(o.t.dataDir).sort()).toEqual(before.data);
      };
      return { ...o, backup, unchanged };
    }

    it('with a wrong passphrase', async () => {
      const { t, admin, backup, unchanged } = await officeWithChange();
      const error = await failureOf(t.call('backups.restore', { id: backup.id, passphrase: 'not-the-secret', confirm: true }, admin.token));
      expect(error).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: 'wrong_passphrase' });
      await unchanged();
    });

    it('with one byte of the file changed', async () => {
      const { t, admin, folder, backup, unchanged } = await officeWithChange();
      const file = path.join(folder, backup.id, 'meras.db.age');
      const bytes = fs.readFileSync(file);
      bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
      fs.writeFileSync(file, bytes);
      const error = await failureOf(t.call('backups.restore', { id: backup.id, confirm: true }, admin.token));
      expect(error).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: 'damaged' });
      await unchanged();
    });

    it('made by a newer version (a migration this app does not know)', async () => {
      const { t, admin, folder, unchanged } = await officeWithChange();
      // The same office folder used by a newer Meras Desk on another computer.
      const newer = core({ migrationsDir: newerMigrations() });
      const newerAdmin = await newer.setupAdmin();
      await newer.call('backups.updateSettings', { folder, passphrase: 'office-secret-1' }, newerAdmin.token);
      const fromNewer = await newer.call('backups.run', {}, newerAdmin.token);
      await newer.close();
      const before = fs.readdirSync(folder).length;
      const error = await failureOf(t.call('backups.restore', { id: fromNewer.id, confirm: true }, admin.token));
      expect(error).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: 'newer_schema' });
      expect(fs.readdirSync(folder).length).toBe(before);
      expect(await templateNames(t, admin.token)).toEqual(['ترحيب', 'متابعة']);
      void unchanged;
    });
  });

  it('a restored database whose migration fails is put back as it was, and the app carries on', async () => {
    const folder = tempDir('meras-backups-');
    // An older office's backup holding a row the next migration cannot take (its key is taken).
    const older = core();
    const olderAdmin = await older.setupAdmin();
    await older.call('backups.updateSettings', { folder }, olderAdmin.token);
    older.core.database.sqlite.prepare("insert into settings (key, value) values ('upgrade.marker', '\"old\"')").run();
    const oldBackup = await older.call('backups.run', {}, olderAdmin.token);
    await older.close();

    // This app ships one more migration, which inserts that same key.
    const t = core({ migrationsDir: newerMigrations("insert into settings (key, value) values ('upgrade.marker', '\"new\"');") });
    const admin = await t.setupAdmin();
    await t.call('backups.updateSettings', { folder }, admin.token);
    await t.call('templates.create', { name: 'اليوم', content: 'بيانات اليوم' }, admin.token);
    // The backup made by the older version predates this app's last migration: allowed, then migrated.
    const error = await failureOf(t.call('backups.restore', { id: oldBackup.id, confirm: true }, admin.token));
    expect(error).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: 'migration_failed' });
    expect(await templateNames(t, admin.token)).toEqual(['اليوم']);
    expect(t.core.database.sqlite.prepare("select value from settings where key = 'upgrade.marker'").get()).toEqual({ value: '"new"' });
    expect(fs.existsSync(path.join(t.dataDir, databaseFileName))).toBe(true);
  });

  it('an update whose migration fails leaves the database as it was and the data folder free', async () => {
    const dataDir = tempDir();
    const before = core({ dataDir });
    const admin = await before.setupAdmin();
    await before.call('templates.create', { name: 'ترحيب', content: 'أهلًا' }, admin.token);
    before.core.database.sqlite.prepare("insert into settings (key, value) values ('upgrade.marker', '\"old\"')").run();
    await before.close();
    // The new version's migration fails on this office's data.
    expect(() => startTestCore({ dataDir, migrationsDir: newerMigrations("insert into settings (key, value) values ('upgrade.marker', '\"new\"');") })).toThrow(/Failed to run the query 'insert into settings/);
    // The previous version starts on the same folder with everything in it.
    const after = core({ dataDir });
    const again = await after.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' });
    expect(await templateNames(after, again.token)).toEqual(['ترحيب']);
  });

  it('keeps exactly 7 daily, 4 weekly and 6 monthly backups over 90 days of daily backups at the office’s 03:00', async () => {
    // 2026-09-06 01:00 Riyadh; the daily time 03:00 Riyadh is 00:00 UTC.
    const clock = manualClock(Date.parse('2026-09-05T22:00:00Z'));
    const t = core({ clock });
    const admin = await t.setupAdmin();
    const folder = tempDir('meras-backups-');
    const settings = await t.call('backups.updateSettings', { folder, dailyTime: '03:00' }, admin.token);
    expect(settings.nextRunAt).toBe('2026-09-06T00:00:00.000Z');
    for (let day = 0; day < 90; day++) {
      // To the armed time itself, as the days pass.
      clock.advance(Date.parse(t.core.backups.overview().settings.nextRunAt!) - clock.now());
      await t.core.backups.idle();
      // The next day is armed once this one is done.
      await vi_eventually(async () => t.core.backups.overview().settings.nextRunAt! > new Date(clock.now()).toISOString());
    }
    const kept = fs.readdirSync(folder).filter((n) => /^\d{8}T/.test(n)).sort();
    expect(kept).toEqual([
      '20260930T000000Z',
      '20261031T000000Z',
      '20261114T000000Z',
      '20261121T000000Z',
      '20261128T000000Z',
      '20261129T000000Z',
      '20261130T000000Z',
      '20261201T000000Z',
      '20261202T000000Z',
      '20261203T000000Z',
      '20261204T000000Z',
    ]);
    expect(manifestOf(folder, '20261204T000000Z').reason).toBe('daily');
  }, 60_000);

  it('refuses a backup folder that does not exist or cannot be written, in words the page can show', async () => {
    const t = core();
    const admin = await t.setupAdmin();
    const missing = await failureOf(t.call('backups.updateSettings', { folder: path.join(tempDir(), 'no-such-disk') }, admin.token));
    expect(missing).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'folder', code: 'folder_missing' }] });
    const error = await failureOf(t.call('backups.run', {}, admin.token));
    expect(error).toMatchObject({ details: 'no_folder' });
  });
});

/** `eventually` with a predicate that may return false. */
async function vi_eventually(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('timed out waiting');
}
