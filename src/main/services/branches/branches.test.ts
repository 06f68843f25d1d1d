import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../../testing/test-core';

type TestCore = ReturnType<typeof startTestCore>;
const cores: TestCore[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((t) => t.close()));
});
function start(): TestCore {
  const t = startTestCore();
  cores.push(t);
  return t;
}

/** Every table a branch refusal could touch, as rows: a refused call must leave them as they were. */
function snapshot(t: TestCore) {
  const sqlite = t.core.database.sqlite;
  return {
    branches: sqlite.prepare('select * from branches order by id').all(),
    users: sqlite.prepare('select id, branch_id from users order by id').all(),
    numbers: sqlite.prepare('select id, branch_id from whatsapp_numbers order by id').all(),
    properties: sqlite.prepare('select id, branch_id from properties order by id').all(),
    activity: sqlite.prepare('select count(*) as n from activity_log').get(),
  };
}

const jeddah = { name: 'فرع جدة', nameEn: 'Jeddah branch', city: 'جدة', address: 'طريق الملك عبدالعزيز', phone: '0126543210' };

describe('branches', () => {
  it('an admin creates a branch with its phone in E.164 and a manager, edits it, and each change is in the activity log, old → new', async () => {
    const t = start();
    const admin = await t.setupAdmin();
    const manager = await t.createUser(admin.token, 'supervisor', 'manager@office.test');
    const branch = await t.call('branches.create', { ...jeddah, managerId: manager.user.id }, admin.token);
    expect(branch).toMatchObject({ ...jeddah, phone: '+966126543210', manager: { id: manager.user.id }, archived: false, usage: { numbers: 0, users: 0, properties: 0 } });

    const edited = await t.call('branches.update', { id: branch.id, city: 'جدة - الروضة', managerId: null }, admin.token);
    expect(edited).toMatchObject({ city: 'جدة - الروضة', manager: null, name: jeddah.name });
    const log = await t.call('activity.list', {}, admin.token);
    const updated = log.find((e) => e.action === 'branch.updated');
    expect(updated?.details).toMatchObject({ changes: { city: { from: 'جدة', to: 'جدة - الروضة' }, managerId: { from: manager.user.id, to: null } } });
    expect(log.map((e) => e.action)).toContain('branch.created');
  });

  it('refuses a bad phone, a short name and an unknown manager on their fields, leaving the database unchanged', async () => {
    const t = start();
    const admin = await t.setupAdmin();
    const before = snapshot(t);
    expect((await t.failure('branches.create', { ...jeddah, phone: '12' }, admin.token)).details).toEqual([expect.objectContaining({ field: 'phone', code: 'invalid_phone' })]);
    expect((await t.failure('branches.create', { ...jeddah, name: 'ج' }, admin.token)).details).toEqual([expect.objectContaining({ field: 'name' })]);
    expect((await t.failure('branches.create', { ...jeddah, managerId: 999 }, admin.token)).details).toEqual([expect.objectContaining({ field: 'managerId', code: 'unknown_user' })]);
    expect(snapshot(t)).toEqual(before);
  });

  it('a branch in use is refused deletion with CONFLICT naming what uses it, and is archived instead', async () => {
    const t = start();
    const admin = await t.setupAdmin();
    const branch = await t.call('branches.create', jeddah, admin.token);
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    await t.call('users.update', { id: agent.user.id, branchId: branch.id }, admin.token);
    await t.call('numbers.create', { name: 'جدة ١', branchId: branch.id }, admin.token);
    await t.call('numbers.create', { name: 'جدة ٢', branchId: branch.id }, admin.token);

    const before = snapshot(t);
    const refused = await t.failure('branches.delete', { id: branch.id }, admin.token);
    expect(refused.code).toBe('CONFLICT');
    expect(refused.message).toBe('Branch is used by 2 numbers, 1 user');
    expect(refused.details).toEqual([expect.objectContaining({ field: 'id', code: 'in_use', params: { numbers: 2, users: 1, properties: 0 } })]);
    expect(snapshot(t)).toEqual(before);

    const archived = await t.call('branches.setArchived', { id: branch.id, archived: true }, admin.token);
    expect(archived).toMatchObject({ archived: true, usage: { numbers: 2, users: 1 } });
    // Pickers no longer offer it; the admin's page still lists it; what belonged to it still does.
    expect(await t.call('branches.list', {}, agent.token)).toEqual([]);
    expect((await t.call('branches.list', { includeArchived: true }, admin.token)).map((b) => b.id)).toEqual([branch.id]);
    expect((await t.call('users.list', {}, admin.token)).find((u) => u.id === agent.user.id)?.branchId).toBe(branch.id);
    // An archived branch takes nothing new.
    const refusedNew = await t.failure('numbers.create', { name: 'جدة ٣', branchId: branch.id }, admin.token);
    expect(refusedNew.details).toEqual([expect.objectContaining({ field: 'branchId', code: 'invalid' })]);
    expect((await t.call('activity.list', {}, admin.token)).map((e) => e.action)).toContain('branch.archived');
  });

  it('a branch nothing uses is deleted', async () => {
    const t = start();
    const admin = await t.setupAdmin();
    const branch = await t.call('branches.create', jeddah, admin.token);
    expect(await t.call('branches.delete', { id: branch.id }, admin.token)).toEqual({ ok: true });
    expect(await t.call('branches.list', { includeArchived: true }, admin.token)).toEqual([]);
  });

  it('everyone signed in lists the active branches for pickers; only admins change them or see archived ones', async () => {
    const t = start();
    const admin = await t.setupAdmin();
    const supervisor = await t.createUser(admin.token, 'supervisor', 'sup@office.test');
    const branch = await t.call('branches.create', jeddah, admin.token);
    expect((await t.call('branches.list', {}, supervisor.token)).map((b) => b.name)).toEqual([jeddah.name]);
    const before = snapshot(t);
    expect((await t.failure('branches.create', jeddah, supervisor.token)).code).toBe('FORBIDDEN');
    expect((await t.failure('branches.update', { id: branch.id, name: 'x y' }, supervisor.token)).code).toBe('FORBIDDEN');
    expect((await t.failure('branches.setArchived', { id: branch.id, archived: true }, supervisor.token)).code).toBe('FORBIDDEN');
    expect((await t.failure('branches.delete', { id: branch.id }, supervisor.token)).code).toBe('FORBIDDEN');
    expect((await t.failure('branches.list', { includeArchived: true }, supervisor.token)).code).toBe('FORBIDDEN');
    expect(snapshot(t)).toEqual(before);
  });
});
