import { afterEach, describe, expect, it } from 'vitest';
import type { NumberConnection, NumberView } from '../../shared/numbers/types';
import { linkedNumber, numberState, trackedCores, type DemoCore, type DemoCoreOptions } from '../testing/demo-core';
import { eventually } from '../testing/test-core';

/**
 * WhatsApp Web's own states (whatsapp-web.js 1.34.7: `loading_screen`, `change_state`,
 * `disconnected`), emitted by the demo's Client into the real WebjsTransport and session
 * manager, as the Numbers page sees them: numbers.list and the `number.status` events.
 */
const cores = trackedCores(afterEach);
const startCore = (options: DemoCoreOptions = {}) => cores.startDemo(options);

/** Every connection the `number.status` events carried for this number, in order. */
function published(t: DemoCore, numberId: number): NumberConnection[] {
  return t.events
    .filter((e) => e.event === 'number.status')
    .map((e) => (e.data as { number: NumberView }).number)
    .filter((n) => n.id === numberId)
    .map((n) => n.connection);
}

async function connectionOnceIt(t: DemoCore, token: string, id: number, expected: Partial<NumberConnection>): Promise<NumberConnection> {
  return eventually(async () => {
    const { connection } = await numberState(t, token, id);
    expect(connection).toMatchObject(expected);
    return connection;
  });
}

describe('WhatsApp syncing after the link', () => {
  it('shows the sync percent while WhatsApp loads the chats, then connected', async () => {
    const t = startCore();
    const admin = await t.setupAdmin();
    const number = await t.call('numbers.create', { name: 'المبيعات' }, admin.token);
    await t.call('numbers.connect', { id: number.id }, admin.token);
    await connectionOnceIt(t, admin.token, number.id, { state: 'QR_GENERATED' });
    // The demo phone's sync will stop at 40% until told to finish.
    t.factory.client(number.id)!.holdSync(40);
    await t.call('numbers.demoScan', { id: number.id }, admin.token);

    await connectionOnceIt(t, admin.token, number.id, { state: 'INITIALIZING', syncPercent: 40 });
    t.factory.client(number.id)!.holdSync(100);
    await connectionOnceIt(t, admin.token, number.id, { state: 'CONNECTED', syncPercent: null });
    const seen = published(t, number.id).map((c) => `${c.state}:${c.syncPercent}`);
    expect(seen.indexOf('INITIALIZING:40')).toBeGreaterThan(-1);
    expect(seen.indexOf('INITIALIZING:40')).toBeLessThan(seen.indexOf('CONNECTED:null'));
  });
});

describe('WhatsApp losing its servers while connected', () => {
  for (const state of ['TIMEOUT', 'OPENING'] as const) {
    it(`${state} shows reconnecting until WhatsApp says CONNECTED again, on the same session`, async () => {
      const t = startCore();
      const { admin, number } = await linkedNumber(t);
      const client = t.factory.client(number.id)!;
      client.changeState(state);
      await connectionOnceIt(t, admin.token, number.id, { state: 'CONNECTED', notice: 'reconnecting' });
      client.changeState('CONNECTED');
      await connectionOnceIt(t, admin.token, number.id, { state: 'CONNECTED', notice: null });
      // Nothing was torn down: the same Client carries on.
      expect(t.factory.client(number.id)).toBe(client);
      expect(published(t, number.id).some((c) => c.notice === 'reconnecting')).toBe(true);
    });
  }
});

describe('WhatsApp refusing the number', () => {
  for (const [state, reason] of [
    ['TOS_BLOCK', 'banned'],
    ['SMB_TOS_BLOCK', 'banned'],
    ['DEPRECATED_VERSION', 'update_required'],
  ] as const) {
    it(`${state} shows ${reason} and schedules no retry`, async () => {
      const t = startCore();
      const { admin, number } = await linkedNumber(t);
      const client = t.factory.client(number.id)!;
      client.changeState(state);
      const connection = await connectionOnceIt(t, admin.token, number.id, { state: 'DISCONNECTED', reason });
      expect(connection.nextRetryAt).toBeNull();
      expect(published(t, number.id).at(-1)).toMatchObject({ state: 'DISCONNECTED', reason, nextRetryAt: null });
      // The link is kept (an appeal or an update may bring it back), and no new session was started.
      expect(connection.linked).toBe(true);
      expect(t.factory.client(number.id)).toBe(client);
      expect(client.status).toBe('closed');
    });
  }

  it('PROXYBLOCK shows network blocked and retries with backoff', async () => {
    const t = startCore({ session: { retryBaseMs: 30_000, retryMaxMs: 30_000 } });
    const { admin, number } = await linkedNumber(t);
    t.factory.client(number.id)!.changeState('PROXYBLOCK');
    const connection = await connectionOnceIt(t, admin.token, number.id, { state: 'DISCONNECTED', reason: 'network_blocked' });
    expect(connection.nextRetryAt).not.toBeNull();
  });
});

describe('WhatsApp Web opened on another computer', () => {
  it('takes the session back once and says so; a second conflict soon after stops without retrying', async () => {
    const t = startCore();
    const { admin, number } = await linkedNumber(t);
    const first = t.factory.client(number.id)!;
    first.changeState('CONFLICT');
    await eventually(() => expect(t.factory.client(number.id)).not.toBe(first));
    await connectionOnceIt(t, admin.token, number.id, { state: 'CONNECTED', notice: 'took_over', linked: true });
    expect(published(t, number.id).filter((c) => c.state === 'QR_GENERATED')).toHaveLength(1);

    t.factory.client(number.id)!.changeState('CONFLICT');
    const connection = await connectionOnceIt(t, admin.token, number.id, { state: 'DISCONNECTED', reason: 'conflict' });
    expect(connection).toMatchObject({ nextRetryAt: null, notice: null });
  });
});

describe('logged out from the phone', () => {
  it('LOGOUT offers a fresh QR without pressing Link, and the session folder forgets the link', async () => {
    const t = startCore();
    const { admin, number } = await linkedNumber(t);
    const before = t.factory.client(number.id)!;
    before.unlinkFromPhone();
    const connection = await connectionOnceIt(t, admin.token, number.id, { state: 'QR_GENERATED', notice: 'phone_logged_out', linked: false });
    expect(connection.qrRound).toBe(1);
    // A new Client, started on an empty session folder (the old one would restore without a QR).
    expect(t.factory.client(number.id)).not.toBe(before);
    await t.call('numbers.demoScan', { id: number.id }, admin.token);
    await connectionOnceIt(t, admin.token, number.id, { state: 'CONNECTED', notice: null, linked: true });
  });

  it('UNPAIRED does the same, and the fresh QR still stops after the usual rounds', async () => {
    const t = startCore({ session: { qrRounds: 2 } });
    const { admin, number } = await linkedNumber(t);
    t.factory.client(number.id)!.changeState('UNPAIRED');
    await connectionOnceIt(t, admin.token, number.id, { state: 'QR_GENERATED', notice: 'phone_logged_out' });
    await connectionOnceIt(t, admin.token, number.id, { state: 'DISCONNECTED', reason: 'qr_timeout', nextRetryAt: null });
  });
});

describe('the demo phone’s events', () => {
  it('are for admins in demo mode, on a number whose session runs', async () => {
    const t = startCore();
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    const number = await t.call('numbers.create', { name: 'Sales' }, admin.token);
    expect((await t.failure('numbers.demoEvent', { id: number.id, event: 'TOS_BLOCK' }, agent.token)).code).toBe('FORBIDDEN');
    expect((await t.failure('numbers.demoEvent', { id: number.id, event: 'HACKED' }, admin.token)).code).toBe('VALIDATION_ERROR');
    expect((await t.failure('numbers.demoEvent', { id: number.id, event: 'TOS_BLOCK' }, admin.token)).details).toBe('number_not_waiting');

    const real = cores.start();
    const realAdmin = await real.setupAdmin();
    const realNumber = await real.call('numbers.create', { name: 'Sales' }, realAdmin.token);
    expect((await real.failure('numbers.demoEvent', { id: realNumber.id, event: 'TOS_BLOCK' }, realAdmin.token)).details).toBe('demo_only');
  });
});
