import { afterEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../../shared/errors';
import type { CallMeta } from '../../rpc/router';
import { manualClock, startTestCore, tempDir } from '../../testing/test-core';

type TestCore = ReturnType<typeof startTestCore>;

const admin = { email: 'admin@office.test', password: 'admin-pass-123' };
const wrong = (i: number) => ({ email: admin.email, password: `wrong-pass-${i}` });
/** Two computers on the office network. */
const intruderPc: CallMeta = { clientKey: 'ip:192.168.1.66', local: false };
const agentPc: CallMeta = { clientKey: 'ip:192.168.1.20', local: false };

describe('sign-in under guessing (issue 13)', () => {
  const cores: TestCore[] = [];
  afterEach(async () => {
    await Promise.all(cores.splice(0).map((c) => c.close()));
  });
  /** A core with its first admin, on the default throttle policy and a clock the test moves. */
  async function start(dataDir = tempDir(), clock = manualClock()) {
    const t = startTestCore({ dataDir, clock });
    cores.push(t);
    if (await t.call('auth.state', {}).then((s) => s.needsSetup)) await t.setupAdmin();
    return { t, clock, dataDir };
  }
  const codes = (errors: ApiError[]) => errors.map((e) => e.code);

  it('holds back each attempt after the third failure, twice as long each time up to two seconds', async () => {
    const { t, clock } = await start();
    for (let i = 0; i < 7; i++) expect((await t.failure('auth.signIn', wrong(i))).code).toBe('UNAUTHORIZED');
    expect(clock.waits).toEqual([250, 500, 1_000, 2_000]);
  });

  it('forgives earlier failures after a good sign-in', async () => {
    const { t, clock } = await start();
    for (let i = 0; i < 5; i++) await t.failure('auth.signIn', wrong(i));
    await t.call('auth.signIn', admin);
    const waitsSoFar = clock.waits.length;
    for (let i = 0; i < 3; i++) await t.failure('auth.signIn', wrong(i));
    expect(clock.waits.length).toBe(waitsSoFar);
    // Eight failures in all since the first: without the reset this would be the lock.
    expect((await t.call('auth.signIn', admin)).user.email).toBe(admin.email);
  });

  it('refuses every attempt for 15 minutes after the eighth failure, the right password too', async () => {
    const { t, clock } = await start();
    for (let i = 0; i < 7; i++) await t.failure('auth.signIn', wrong(i));
    const lockedAt = clock.now();
    await t.failure('auth.signIn', wrong(7));
    const locked = await t.failure('auth.signIn', admin);
    expect(locked).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', details: 'too_many_attempts' });
    expect(locked.retryAfter).toBe(15 * 60 - (clock.now() - lockedAt) / 1000);

    clock.advance(lockedAt + 15 * 60_000 - 1_000 - clock.now());
    expect((await t.failure('auth.signIn', admin)).code).toBe('RATE_LIMIT_EXCEEDED');
    clock.advance(1_000);
    expect((await t.call('auth.signIn', admin)).user.email).toBe(admin.email);
  });

  it('answers twenty-five guesses sent at once as it answers them sent one by one: the right one last is refused', async () => {
    // An attacker's batch whose last guess happens to be right.
    const guesses = [...Array.from({ length: 24 }, (_, i) => wrong(i)), admin];
    const oneByOne = await start();
    const sequential: ApiError[] = [];
    for (const guess of guesses) sequential.push(await oneByOne.t.failure('auth.signIn', guess));

    const atOnce = await start();
    const parallel = await Promise.all(guesses.map((guess) => atOnce.t.failure('auth.signIn', guess)));

    expect(codes(sequential)).toEqual([...Array(8).fill('UNAUTHORIZED'), ...Array(17).fill('RATE_LIMIT_EXCEEDED')]);
    expect(codes(parallel)).toEqual(codes(sequential));
    expect([...atOnce.clock.waits].sort((a, b) => a - b)).toEqual([...oneByOne.clock.waits].sort((a, b) => a - b));
  }, 60_000); // dozens of password hashes: slow on a busy two-core machine, never a measure of speed

  it('keeps a lock when the app is restarted', async () => {
    const first = await start();
    for (let i = 0; i < 8; i++) await first.t.failure('auth.signIn', wrong(i));
    await first.t.close();

    const again = await start(first.dataDir, first.clock);
    expect(await again.t.failure('auth.signIn', admin)).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', details: 'too_many_attempts' });
  });

  it('lets another user sign in from their computer while one computer is locked out', async () => {
    const { t } = await start();
    const adminToken = (await t.call('auth.signIn', admin)).token;
    await t.call('users.create', { name: 'Agent', email: 'agent@office.test', password: 'agent-pass-123', role: 'agent' }, adminToken);
    const agent = { email: 'agent@office.test', password: 'agent-pass-123' };

    // One computer tries a password against a different address each time: it is the computer that gets locked.
    for (let i = 0; i < 8; i++) await t.failure('auth.signIn', { email: `guess${i}@office.test`, password: 'password-1' }, undefined, intruderPc);
    expect((await t.failure('auth.signIn', agent, undefined, intruderPc)).code).toBe('RATE_LIMIT_EXCEEDED');

    expect((await t.call('auth.signIn', agent, undefined, agentPc)).user.email).toBe(agent.email);
    expect((await t.call('auth.signIn', admin, undefined, agentPc)).user.email).toBe(admin.email);
  }, 60_000); // dozens of password hashes: slow on a busy two-core machine, never a measure of speed

  it('locks an account guessed at from many computers, and only that account', async () => {
    const { t } = await start();
    for (let i = 0; i < 8; i++) await t.failure('auth.signIn', wrong(i), undefined, { clientKey: `ip:10.0.0.${i + 1}`, local: false });
    expect((await t.failure('auth.signIn', admin, undefined, agentPc)).code).toBe('RATE_LIMIT_EXCEEDED');
    // Those computers are not locked for other accounts.
    expect((await t.failure('auth.signIn', { email: 'other@office.test', password: 'x-pass-123' }, undefined, { clientKey: 'ip:10.0.0.1', local: false })).code).toBe('UNAUTHORIZED');
  });
  it('forgets failures fifteen minutes after the first one: the next wrong password is not held back', async () => {
    const { t, clock } = await start();
    const firstAt = clock.now();
    for (let i = 0; i < 5; i++) await t.failure('auth.signIn', wrong(i));
    expect(clock.waits).toEqual([250, 500]);
    // Exactly fifteen minutes after the first failure they still count...
    clock.advance(firstAt + 15 * 60_000 - clock.now());
    await t.failure('auth.signIn', wrong(5));
    expect(clock.waits).toEqual([250, 500, 1_000]);
    // ...a moment later they are forgotten, and counting starts again from this one.
    clock.advance(1);
    for (let i = 0; i < 3; i++) await t.failure('auth.signIn', wrong(6 + i));
    expect(clock.waits).toEqual([250, 500, 1_000]);
    await t.failure('auth.signIn', wrong(9));
    expect(clock.waits).toEqual([250, 500, 1_000, 250]);
  });

  it('starts counting afresh when a lock ends: one more wrong password does not lock again', async () => {
    const { t, clock } = await start();
    for (let i = 0; i < 7; i++) await t.failure('auth.signIn', wrong(i));
    const lockedAt = clock.now();
    await t.failure('auth.signIn', wrong(7));
    clock.advance(lockedAt + 15 * 60_000 - clock.now());
    const waitsBefore = clock.waits.length;
    expect((await t.failure('auth.signIn', wrong(8))).code).toBe('UNAUTHORIZED');
    expect(clock.waits.length).toBe(waitsBefore);
    expect((await t.call('auth.signIn', admin)).user.email).toBe(admin.email);
  });

  it('remembers failed attempts across a restart: the next wrong password is still held back', async () => {
    const first = await start();
    for (let i = 0; i < 5; i++) await first.t.failure('auth.signIn', wrong(i));
    await first.t.close();
    const again = await start(first.dataDir, first.clock);
    await again.t.failure('auth.signIn', wrong(5));
    expect(again.clock.waits).toEqual([250, 500, 1_000]);
  });

  it('a restart clears from the database the failures that no longer count, and keeps a lock still running', async () => {
    const first = await start();
    // One computer locked; another with two old failures that will have run out.
    for (let i = 0; i < 2; i++) await first.t.failure('auth.signIn', { email: `old${i}@office.test`, password: 'password-1' }, undefined, agentPc);
    first.clock.advance(15 * 60_000 - 1);
    for (let i = 0; i < 8; i++) await first.t.failure('auth.signIn', wrong(i), undefined, intruderPc);
    await first.t.close();
    first.clock.advance(10 * 60_000);
    const again = await start(first.dataDir, first.clock);
    const keys = (again.t.core.database.sqlite.prepare('select key from login_attempts order by key').all() as { key: string }[]).map((r) => r.key);
    expect(keys).toEqual(['client:ip:192.168.1.66', `email:${admin.email}`]);
  });
});
