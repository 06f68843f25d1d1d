import { afterEach, describe, expect, it } from 'vitest';
import type { CallMeta } from '../../rpc/router';
import { manualClock, startTestCore } from '../../testing/test-core';

type TestCore = ReturnType<typeof startTestCore>;

const firstAdmin = { name: 'مدير المكتب', email: 'admin@office.test', password: 'admin-pass-123' };
/** Computers on the office network, not the host. */
const officePc: CallMeta = { clientKey: 'ip:192.168.1.20', local: false };
const otherPc: CallMeta = { clientKey: 'ip:192.168.1.21', local: false };

describe('first-run setup on the office network (issue 13)', () => {
  let t: TestCore;
  afterEach(() => t.close());

  it('asks another computer for the host\'s setup code, and not the host computer itself', async () => {
    t = startTestCore({ remoteSetup: true });
    expect(await t.call('auth.state', {}, undefined, officePc)).toMatchObject({ needsSetup: true, setupCodeRequired: true });
    expect(await t.call('auth.state', {})).toMatchObject({ needsSetup: true, setupCodeRequired: false });
    expect(t.core.pendingSetupCode()).toMatch(/^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
  });

  it('refuses setup from another computer without the code or with a wrong one, and creates no admin', async () => {
    t = startTestCore({ remoteSetup: true });
    expect(await t.failure('auth.setupAdmin', firstAdmin, undefined, officePc)).toMatchObject({ code: 'FORBIDDEN', details: 'setup_code_required' });
    expect(await t.failure('auth.setupAdmin', { ...firstAdmin, setupCode: 'AAAA-BBBB-CCCC' }, undefined, officePc)).toMatchObject({ code: 'FORBIDDEN', details: 'setup_code_invalid' });
    expect(await t.call('auth.state', {})).toMatchObject({ needsSetup: true });
  });

  it('accepts the code as people type it, once: a second setup racing the first is refused', async () => {
    t = startTestCore({ remoteSetup: true });
    const code = t.core.pendingSetupCode()!;
    const typed = ` ${code.replaceAll('-', '').toLowerCase()} `;
    const [first, second] = await Promise.all([
      t.call('auth.setupAdmin', { ...firstAdmin, setupCode: typed }, undefined, officePc),
      t.failure('auth.setupAdmin', { ...firstAdmin, email: 'claimer@evil.test', setupCode: code }, undefined, otherPc),
    ]);
    expect(first.user).toMatchObject({ role: 'admin', email: firstAdmin.email });
    expect(second).toMatchObject({ code: 'FORBIDDEN', details: 'setup_code_invalid' });
    expect(t.core.pendingSetupCode()).toBeUndefined();
    expect(await t.failure('auth.setupAdmin', { ...firstAdmin, setupCode: code }, undefined, otherPc)).toMatchObject({ code: 'CONFLICT', details: 'setup_done' });
  });

  it('lets the host computer set up the first admin without a code in LAN mode', async () => {
    t = startTestCore({ remoteSetup: true });
    expect((await t.setupAdmin()).user.role).toBe('admin');
  });

  it('refuses setup from the network outright when the host is not on the office network', async () => {
    t = startTestCore();
    expect(t.core.pendingSetupCode()).toBeUndefined();
    expect(await t.failure('auth.setupAdmin', { ...firstAdmin, setupCode: 'AAAA-BBBB-CCCC' }, undefined, officePc)).toMatchObject({ code: 'FORBIDDEN', details: 'setup_local_only' });
  });

  it('stops someone guessing the code after a few wrong tries, from whichever computer', async () => {
    t = startTestCore({ remoteSetup: true, clock: manualClock() });
    const code = t.core.pendingSetupCode()!;
    for (let i = 0; i < 8; i++) {
      const from = { clientKey: `ip:10.0.0.${i}`, local: false };
      expect((await t.failure('auth.setupAdmin', { ...firstAdmin, setupCode: `WRNG-CODE-000${i}` }, undefined, from)).details).toBe('setup_code_invalid');
    }
    expect(await t.failure('auth.setupAdmin', { ...firstAdmin, setupCode: code }, undefined, officePc)).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', details: 'too_many_attempts' });
    // The host computer itself is not held up by the guessing.
    expect((await t.setupAdmin()).user.role).toBe('admin');
  });
});
