import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, startTestCore, tempDir } from '../../testing/test-core';
import { genesisHash, rowHash } from './activity-chain';
import { ActivityLog } from './activity-log';

let t: ReturnType<typeof startTestCore>;
afterEach(async () => {
  await t?.close();
});

const minute = 60_000;

/** An office where a few people did a few things, a minute apart. */
async function office(options: Parameters<typeof startTestCore>[0] = {}) {
  const clock = manualClock(Date.UTC(2026, 10, 25, 9, 0, 0));
  t = startTestCore({ clock, ...options });
  const admin = await t.setupAdmin();
  clock.advance(minute);
  const noura = await t.createUser(admin.token, 'supervisor', 'noura@office.test');
  clock.advance(minute);
  const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
  clock.advance(minute);
  for (const name of ['فيلا الملقا', 'شقة النرجس', 'أرض العارض']) {
    await t.call('properties.create', { name, type: 'villa' }, noura.token);
    clock.advance(minute);
  }
  return { clock, admin, noura, agent, sqlite: t.core.database.sqlite };
}

interface LogRow {
  id: number;
  user_id: number | null;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity_type: string | null;
  entity_id: number | null;
  details: string | null;
  created_at: number;
  prev_hash: string | null;
  hash: string | null;
}
const rows = (sqlite: Database.Database) => sqlite.prepare('select * from activity_log order by id').all() as LogRow[];
const rowAt = (sqlite: Database.Database, id: number) => sqlite.prepare('select * from activity_log where id = ?').get(id) as LogRow;
const iso = (ms: number) => new Date(ms).toISOString();

/** What someone holding the database file can do: the app's triggers are theirs to drop. */
const dropGuards = (sqlite: Database.Database) => sqlite.exec('drop trigger activity_log_no_update; drop trigger activity_log_no_delete;');

describe('the hash-chained activity log', () => {
  it('chains every entry to the one before it, and verify finds the whole log intact', async () => {
    const { admin, sqlite } = await office();
    const log = rows(sqlite);
    expect(log.length).toBeGreaterThanOrEqual(6);
    log.forEach((row, i) => {
      expect(row.id).toBe(i + 1);
      expect(row.prev_hash).toBe(i === 0 ? genesisHash : log[i - 1]!.hash);
      expect(row.hash).toBe(rowHash({ ...row, prev_hash: row.prev_hash! }));
    });
    // Who did it is frozen with the entry.
    expect(log.find((r) => r.action === 'property.created')).toMatchObject({ actor_name: 'User noura@office.test' });

    expect(await t.call('activity.verify', {}, admin.token)).toEqual({ ok: true, checked: log.length, lastId: log.length, broken: null });
  });

  it('refuses any update or delete of an entry, even from inside the app’s own database connection', async () => {
    const { sqlite } = await office();
    const before = rows(sqlite);
    expect(() => sqlite.prepare("update activity_log set details = '{}' where id = 2").run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('update activity_log set created_at = created_at + 1').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('update activity_log set hash = ? where id = 3').run(genesisHash)).toThrow(/append-only/);
    expect(() => sqlite.prepare('update activity_log set user_id = 2 where id = 1').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('delete from activity_log where id = 4').run()).toThrow(/append-only/);
    expect(() => sqlite.prepare('delete from activity_log').run()).toThrow(/append-only/);
    expect(rows(sqlite)).toEqual(before);
  });

  it('names the row whose content was changed outside the app, with its time', async () => {
    const { admin, sqlite } = await office();
    const target = rows(sqlite).find((r) => r.action === 'property.created')!;
    dropGuards(sqlite);
    sqlite.prepare("update activity_log set details = json_set(details, '$.name', 'قصر') where id = ?").run(target.id);

    expect(await t.call('activity.verify', {}, admin.token)).toEqual({
      ok: false,
      checked: target.id - 1,
      lastId: rows(sqlite).length,
      broken: { problem: 'changed', id: target.id, createdAt: iso(target.created_at) },
    });
  });

  it('names a row whose user was swapped for another, though the user is outside the hash', async () => {
    const { admin, noura, sqlite } = await office();
    const target = rows(sqlite).find((r) => r.action === 'property.created')!;
    dropGuards(sqlite);
    sqlite.prepare('update activity_log set user_id = ? where id = ?').run(admin.user.id, target.id);
    expect(target.user_id).toBe(noura.user.id);
    expect((await t.call('activity.verify', {}, admin.token)).broken).toEqual({ problem: 'changed', id: target.id, createdAt: iso(target.created_at) });
  });

  it('names a row edited together with a freshly computed hash by the break it leaves at the next row', async () => {
    const { admin, sqlite } = await office();
    const target = rows(sqlite)[2]!;
    dropGuards(sqlite);
    // A careful attacker recomputes the edited row's hash; the next row still points at the old one.
    const forged = rowHash({ ...target, action: 'user.deactivated', prev_hash: target.prev_hash! });
    sqlite.prepare('update activity_log set action = ?, hash = ? where id = ?').run('user.deactivated', forged, target.id);

    const next = rowAt(sqlite, target.id + 1);
    expect((await t.call('activity.verify', {}, admin.token)).broken).toEqual({ problem: 'order', id: next.id, createdAt: iso(next.created_at) });
  });

  it('walks a log longer than one page, and names a row changed pages in, or one missing at a page’s seam', async () => {
    const { admin, clock, sqlite } = await office();
    const log = new ActivityLog(t.core.database.db, sqlite, clock);
    sqlite.transaction(() => {
      for (let i = 0; i < 4_500; i++) log.record({ userId: admin.user.id, action: 'contact.updated', entityType: 'contact', entityId: i + 1, details: { n: i } });
    })();
    const total = rows(sqlite).length;
    expect(await t.call('activity.verify', {}, admin.token)).toEqual({ ok: true, checked: total, lastId: total, broken: null });

    dropGuards(sqlite);
    sqlite.prepare("update activity_log set details = '{\"n\":0}' where id = 4321").run();
    expect(await t.call('activity.verify', {}, admin.token)).toMatchObject({ ok: false, checked: 4_320, broken: { problem: 'changed', id: 4_321 } });
    // The first row of the second page gone: the break is seen across the pages' seam.
    sqlite.prepare('delete from activity_log where id = 2001').run();
    expect(await t.call('activity.verify', {}, admin.token)).toMatchObject({ ok: false, checked: 2_000, broken: { problem: 'missing', id: 2_001, count: 1, nextId: 2_002 } });
  });

  it('names rows deleted in the middle by the first one missing', async () => {
    const { admin, sqlite } = await office();
    const all = rows(sqlite);
    dropGuards(sqlite);
    sqlite.prepare('delete from activity_log where id in (3, 4)').run();
    expect((await t.call('activity.verify', {}, admin.token)).broken).toEqual({ problem: 'missing', id: 3, count: 2, nextId: 5, createdAt: iso(all[4]!.created_at) });
  });

  it('names the newest rows deleted, before and after the app writes again', async () => {
    const { admin, noura, clock, sqlite } = await office();
    const last = rows(sqlite).at(-1)!;
    dropGuards(sqlite);
    sqlite.prepare('delete from activity_log where id = ?').run(last.id);
    expect((await t.call('activity.verify', {}, admin.token)).broken).toEqual({ problem: 'missing', id: last.id, count: 1, nextId: null, createdAt: null });

    clock.advance(minute);
    await t.call('properties.create', { name: 'مكتب العليا', type: 'office' }, noura.token);
    const appended = rows(sqlite).at(-1)!;
    // The new entry takes the next id the sequence hands out, so the gap stays visible.
    expect(appended.id).toBe(last.id + 1);
    expect((await t.call('activity.verify', {}, admin.token)).broken).toEqual({ problem: 'missing', id: last.id, count: 1, nextId: appended.id, createdAt: iso(appended.created_at) });
  });

  it('names a row inserted outside the app, which has no hash', async () => {
    const { admin, sqlite } = await office();
    const inserted = sqlite.prepare("insert into activity_log (user_id, action, created_at) values (1, 'user.created', 1)").run();
    expect((await t.call('activity.verify', {}, admin.token)).broken).toEqual({ problem: 'changed', id: Number(inserted.lastInsertRowid), createdAt: iso(1) });
  });

  it('keeps a removed user’s entries whole: the user’s id goes, the name they had stays, and verify stays green', async () => {
    const { admin, agent, sqlite } = await office();
    await t.call('profile.update', { name: 'وكيل المبيعات' }, agent.token);
    const theirs = rows(sqlite).filter((r) => r.user_id === agent.user.id);
    expect(theirs.length).toBeGreaterThan(0);
    // No screen removes users yet; the foreign key's ON DELETE SET NULL is what a removal would do.
    sqlite.prepare('delete from users where id = ?').run(agent.user.id);

    const after = theirs.map((r) => rowAt(sqlite, r.id));
    expect(after.map((r) => [r.user_id, r.actor_id, r.hash])).toEqual(theirs.map((r) => [null, agent.user.id, r.hash]));
    // Each entry shows the name its author had when writing it.
    const listed = await t.call('activity.list', {}, admin.token);
    expect(listed.find((e) => e.action === 'profile.updated')).toMatchObject({ userName: 'وكيل المبيعات', userId: agent.user.id });
    expect(listed.find((e) => e.action === 'auth.signed_in' && e.userId === agent.user.id)).toMatchObject({ userName: 'User agent@office.test' });
    expect(await t.call('activity.verify', {}, admin.token)).toMatchObject({ ok: true, broken: null });
  });

  it('keeps verify green across a restore, and chains what comes after onto the restored log', async () => {
    const { admin, noura, clock } = await office({ backups: { scryptLogN: 10 } });
    await t.call('backups.updateSettings', { folder: tempDir('meras-backups-') }, admin.token);
    const backup = await t.call('backups.run', {}, admin.token);
    clock.advance(minute);
    await t.call('properties.create', { name: 'بعد النسخة', type: 'land' }, noura.token);

    await t.call('backups.restore', { id: backup.id, confirm: true }, admin.token);
    expect(await t.call('activity.verify', {}, admin.token)).toMatchObject({ ok: true, broken: null });
    clock.advance(minute);
    await t.call('properties.create', { name: 'بعد الاستعادة', type: 'land' }, noura.token);
    const verified = await t.call('activity.verify', {}, admin.token);
    expect(verified).toMatchObject({ ok: true, broken: null });
    const names = (await t.call('activity.list', { action: 'property.created' }, admin.token)).map((e) => e.details?.name);
    expect(names).toContain('بعد الاستعادة');
    expect(names).not.toContain('بعد النسخة');
  });

  it('lets admins and supervisors verify and export, and refuses agents', async () => {
    const { admin, noura, agent } = await office();
    for (const token of [admin.token, noura.token]) {
      expect((await t.call('activity.verify', {}, token)).ok).toBe(true);
      expect((await t.call('activity.export', {}, token)).rows).toBeGreaterThan(0);
    }
    for (const channel of ['activity.verify', 'activity.export', 'activity.list'] as const) {
      expect((await t.failure(channel, {}, agent.token)).code, channel).toBe('FORBIDDEN');
    }
  });
});
