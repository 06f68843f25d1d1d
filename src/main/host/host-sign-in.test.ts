import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../base/logger';
import { manualClock, migrationsDir, tempDir } from '../testing/test-core';
import { openTab } from '../testing/host-socket';
import { startHost, type RunningHost } from './start-host';

function rendererFixture(): string {
  const dir = tempDir('meras-renderer-');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Meras Desk</title>');
  return dir;
}

describe('sign-in limits on the host computer', () => {
  let host: RunningHost | undefined;
  afterEach(async () => {
    await host?.stop();
    host = undefined;
  });

  it('tells loopback tabs apart: one local program guessing is locked, another tab still signs in', async () => {
    host = await startHost({ dataDir: tempDir(), migrationsDir, rendererDir: rendererFixture(), port: 0, lan: false, logger: silentLogger, clock: manualClock() });
    const admin = await openTab(host.url);
    expect((await admin.call('auth.setupAdmin', { name: 'Admin', email: 'admin@office.test', password: 'admin-pass-123' })).success).toBe(true);

    const guesser = await openTab(host.url);
    for (let i = 0; i < 8; i++) await guesser.call('auth.signIn', { email: `guess${i}@office.test`, password: 'password-1' });
    const refused = await guesser.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' });
    expect(refused).toMatchObject({ success: false, error: { code: 'RATE_LIMIT_EXCEEDED' } });

    const colleague = await openTab(host.url);
    expect(await colleague.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' })).toMatchObject({ success: true });
    for (const tab of [admin, guesser, colleague]) tab.close();
  });
});
