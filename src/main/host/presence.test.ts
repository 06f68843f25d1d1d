import { afterEach, describe, expect, it } from 'vitest';
import type { PublicUser } from '../../shared/users/types';
import { silentLogger } from '../base/logger';
import { openSocket, rendererFixture } from '../testing/host-socket';
import { eventually, migrationsDir, startTestCore, tempDir } from '../testing/test-core';
import { startHost, type RunningHost } from './start-host';

const adminAccount = { name: 'مدير المكتب', email: 'admin@office.test', password: 'admin-pass-123' };
const agentAccount = { name: 'سارة أحمد', email: 'sara@office.test', password: 'sara-pass-123', role: 'agent' as const };

describe('presence («متصل») on the host', () => {
  const hosts: RunningHost[] = [];
  afterEach(async () => {
    await Promise.all(hosts.splice(0).map((h) => h.stop()));
  });
  const start = async (dataDir = tempDir()) => {
    const host = await startHost({ dataDir, migrationsDir, rendererDir: rendererFixture(), port: 0, lan: false, logger: silentLogger });
    hosts.push(host);
    return host;
  };

  /** The admin's tab, open for the whole test, watching the team list. */
  async function adminTab(host: RunningHost, firstRun: boolean) {
    const tab = await openSocket(host);
    const signedIn = firstRun ? await tab.call('auth.setupAdmin', adminAccount) : await tab.call('auth.signIn', { email: adminAccount.email, password: adminAccount.password });
    if (!signedIn.success) throw new Error(signedIn.error.message);
    const token = signedIn.data.token;
    const statusOf = async (email: string) => {
      const list = await tab.call('users.list', {}, token);
      if (!list.success) throw new Error(list.error.message);
      return (list.data as PublicUser[]).find((u) => u.email === email)?.status;
    };
    return { tab, token, statusOf };
  }

  it('an agent is online while any of their browser tabs is open and offline once the last one closes', async () => {
    const host = await start();
    const admin = await adminTab(host, true);
    expect((await admin.tab.call('users.create', agentAccount, admin.token)).success).toBe(true);
    expect(await admin.statusOf(agentAccount.email)).toBe('OFFLINE');

    // Two tabs: one signs in, the other reopens with the stored token (a reload).
    const first = await openSocket(host);
    const signedIn = await first.call('auth.signIn', { email: agentAccount.email, password: agentAccount.password });
    if (!signedIn.success) throw new Error(signedIn.error.message);
    const second = await openSocket(host);
    expect((await second.call('auth.state', {}, signedIn.data.token)).success).toBe(true);
    expect(await admin.statusOf(agentAccount.email)).toBe('ONLINE');

    await first.close();
    await second.close();
    await eventually(async () => expect(await admin.statusOf(agentAccount.email)).toBe('OFFLINE'));
    // The admin's window heard it, to update its team list.
    expect(admin.tab.events.some((e) => e.type === 'event' && e.event === 'users.changed')).toBe(true);

    // A reload of the tab (a new socket with the same token) shows them online again.
    const reopened = await openSocket(host);
    expect((await reopened.call('auth.state', {}, signedIn.data.token)).success).toBe(true);
    expect(await admin.statusOf(agentAccount.email)).toBe('ONLINE');
  });

  it('everyone is offline after the host restarts, until their windows come back', async () => {
    const dataDir = tempDir();
    const host = await start(dataDir);
    const admin = await adminTab(host, true);
    expect((await admin.tab.call('users.create', agentAccount, admin.token)).success).toBe(true);
    const agent = await openSocket(host);
    expect((await agent.call('auth.signIn', { email: agentAccount.email, password: agentAccount.password })).success).toBe(true);
    expect(await admin.statusOf(agentAccount.email)).toBe('ONLINE');

    // Stopped with both windows open: nobody's socket closed cleanly.
    await host.stop();
    hosts.splice(hosts.indexOf(host), 1);
    const again = await start(dataDir);
    const back = await adminTab(again, false);
    expect(await back.statusOf(agentAccount.email)).toBe('OFFLINE');
    expect(await back.statusOf(adminAccount.email)).toBe('ONLINE');
  });
});

describe('presence in the core', () => {
  it('a user stays online while another of their windows is open', async () => {
    const t = startTestCore();
    try {
      const { token, user } = await t.setupAdmin();
      t.core.presence.track('window:1', user.id);
      t.core.presence.track('tab:2', user.id);
      t.core.presence.track('window:1', null);
      expect((await t.call('users.list', {}, token))[0]).toMatchObject({ status: 'ONLINE' });
      t.core.presence.track('tab:2', null);
      expect((await t.call('users.list', {}, token))[0]).toMatchObject({ status: 'OFFLINE' });
    } finally {
      await t.close();
    }
  });
});
