import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../base/logger';
import { startTestCore } from '../testing/test-core';
import { createRouter, type Handlers } from './router';

type TestCore = ReturnType<typeof startTestCore>;

describe('the router', () => {
  let t: TestCore;
  afterEach(() => t?.close());

  it('rejects bad input with the field details and changes nothing', async () => {
    t = startTestCore();
    const { token } = await t.setupAdmin();
    const count = () => (t.core.database.sqlite.prepare('select (select count(*) from users) + (select count(*) from activity_log) as n').get() as { n: number }).n;
    const before = count();

    const error = await t.failure('users.create', { name: 'A', email: 'not-an-email', password: 'short', role: 'owner' }, token);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.message).toBe('Validation failed');
    const fields = Array.isArray(error.details) ? Object.fromEntries(error.details.map((d) => [d.field, d.code])) : {};
    expect(fields).toEqual({ name: 'too_short', email: 'invalid_email', password: 'too_short', role: 'invalid' });

    const missing = await t.failure('users.create', {}, token);
    expect(Array.isArray(missing.details) && missing.details.map((d) => `${d.field}:${d.code}`)).toEqual(
      expect.arrayContaining(['name:required', 'email:required', 'password:required', 'role:required']),
    );
    expect((await t.failure('users.create', 'a string', token)).code).toBe('VALIDATION_ERROR');
    expect((await t.failure('users.update', { id: -4, name: 'x'.repeat(10_000) }, token)).code).toBe('VALIDATION_ERROR');
    expect((await t.failure('users.list', { extra: true }, token)).code).toBe('VALIDATION_ERROR');
    expect(count()).toBe(before);
  });

  it('answers an unknown channel with NOT_FOUND', async () => {
    t = startTestCore();
    expect((await t.failure('users.dropAll', {})).code).toBe('NOT_FOUND');
    expect((await t.failure('__proto__', {})).code).toBe('NOT_FOUND');
  });

  it('requires a session for every channel but the public ones', async () => {
    t = startTestCore();
    await t.setupAdmin();
    const error = await t.failure('users.list', {}, 'forged-token');
    expect(error).toMatchObject({ code: 'UNAUTHORIZED', message: 'Invalid or expired session' });
    expect((await t.failure('profile.update', { name: 'Nobody' })).code).toBe('UNAUTHORIZED');
  });

  it('checks the role before it looks at the input', async () => {
    t = startTestCore();
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    expect((await t.failure('users.create', { nonsense: 1 }, agent.token)).code).toBe('FORBIDDEN');
  });

  it('hides internals behind a request id when a service fails unexpectedly', async () => {
    const logged: Record<string, unknown>[] = [];
    const handlers = { 'auth.state': () => { throw new Error('disk I/O error at /secret/path'); } } as unknown as Handlers;
    const router = createRouter({ handlers, authenticate: () => undefined, logger: { ...silentLogger, error: (_m, f) => logged.push(f ?? {}) } });
    const { result } = await router.call('auth.state', {}, { clientKey: 'test' });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.error).toEqual({ code: 'INTERNAL_ERROR', message: 'An unexpected error occurred', requestId: expect.stringMatching(/^req-/) });
    expect(JSON.stringify(result)).not.toContain('/secret/path');
    expect(logged[0]).toMatchObject({ requestId: result.error.requestId });
  });

  it('limits each user to the seed\'s writes per minute when limits are on', async () => {
    t = startTestCore({ rateLimits: { read: 100, write: 3, transfer: 100 } });
    const { token } = await t.setupAdmin();
    for (let i = 0; i < 3; i++) await t.call('profile.update', { name: `Admin ${i}x` }, token);
    const limited = await t.failure('profile.update', { name: 'Admin 4x' }, token);
    expect(limited).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', retryAfter: expect.any(Number) });
    expect((await t.call('users.list', {}, token)).length).toBe(1);
  });
});
