import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, startTestCore } from '../../testing/test-core';

type TestCore = ReturnType<typeof startTestCore>;

describe('first run and sign-in', () => {
  let t: TestCore;
  afterEach(() => t.close());

  it('asks for the first admin and refuses sign-in until one exists', async () => {
    t = startTestCore();
    expect(await t.call('auth.state', {})).toEqual({ needsSetup: true, setupCodeRequired: false, user: null });
    const refused = await t.failure('auth.signIn', { email: 'admin@office.test', password: 'whatever-123' });
    expect(refused).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: 'setup_required' });
  });

  it('creates the first admin once, signs them in, and refuses a second setup', async () => {
    t = startTestCore();
    const first = await t.setupAdmin();
    expect(first.user).toMatchObject({ role: 'admin', email: 'admin@office.test', status: 'ONLINE', isActive: true });
    const state = await t.call('auth.state', {}, first.token);
    expect(state).toMatchObject({ needsSetup: false, user: { id: first.user.id } });

    const again = await t.failure('auth.setupAdmin', { name: 'Intruder', email: 'x@evil.test', password: 'intruder-123' });
    expect(again.code).toBe('CONFLICT');
    const users = await t.call('users.list', {}, first.token);
    expect(users.map((u) => u.email)).toEqual(['admin@office.test']);
  });

  it('stores passwords only as a salted scrypt hash', async () => {
    t = startTestCore();
    await t.setupAdmin();
    await t.call('users.create', { name: 'Agent One', email: 'a1@office.test', password: 'same-pass-123', role: 'agent' }, (await t.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' })).token);
    const rows = t.core.database.sqlite.prepare('select password_hash as h from users').all() as { h: string }[];
    for (const { h } of rows) {
      expect(h).toMatch(/^scrypt\$16384\$8\$5\$/);
      expect(h).not.toContain('admin-pass-123');
    }
    expect(new Set(rows.map((r) => r.h)).size).toBe(rows.length);
  });

  it('signs in with email in any letter case and refuses a wrong password', async () => {
    t = startTestCore();
    await t.setupAdmin();
    const ok = await t.call('auth.signIn', { email: '  Admin@Office.TEST ', password: 'admin-pass-123' });
    expect(ok.user.email).toBe('admin@office.test');
    const wrong = await t.failure('auth.signIn', { email: 'admin@office.test', password: 'nope-nope-1' });
    expect(wrong).toMatchObject({ code: 'UNAUTHORIZED', details: 'invalid_credentials' });
    const unknown = await t.failure('auth.signIn', { email: 'ghost@office.test', password: 'nope-nope-1' });
    expect(unknown).toMatchObject({ code: 'UNAUTHORIZED', details: 'invalid_credentials' });
  });

  it('ends a session on sign-out and after it has been idle too long', async () => {
    const clock = manualClock();
    t = startTestCore({ clock, sessionPolicy: { idleMs: 60 * 60_000, absoluteMs: 24 * 60 * 60_000 } });
    const { token } = await t.setupAdmin();
    await t.call('auth.signOut', {}, token);
    expect(await t.failure('users.list', {}, token)).toMatchObject({ code: 'UNAUTHORIZED', details: 'session_expired' });
    const state = await t.call('auth.state', {}, token);
    expect(state.user).toBeNull();

    const second = await t.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' });
    clock.advance(59 * 60_000);
    await t.call('users.list', {}, second.token);
    clock.advance(59 * 60_000);
    await t.call('users.list', {}, second.token);
    clock.advance(61 * 60_000);
    expect((await t.failure('users.list', {}, second.token)).code).toBe('UNAUTHORIZED');
  });

  it('records sign-in and sign-out in the activity log and shows the user offline once every session is closed', async () => {
    t = startTestCore();
    const { token } = await t.setupAdmin();
    const again = await t.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' });
    await t.call('auth.signOut', {}, token);
    const log = await t.call('activity.list', { limit: 10 }, again.token);
    expect(log.map((e) => e.action)).toEqual(['auth.signed_out', 'auth.signed_in', 'auth.signed_in', 'user.created']);
    expect((await t.call('users.list', {}, again.token))[0]).toMatchObject({ status: 'ONLINE' });

    await t.call('auth.signOut', {}, again.token);
    const third = await t.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' });
    await t.call('auth.signOut', {}, third.token);
    const state = t.core.database.sqlite.prepare('select status, last_logout_at as out from users').get() as { status: string; out: number };
    expect(state.status).toBe('OFFLINE');
    expect(state.out).toBeGreaterThan(0);
  });
});
