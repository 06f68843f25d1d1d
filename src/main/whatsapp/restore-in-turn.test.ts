import { afterEach, describe, expect, it } from 'vitest';
import { numberState, startDemoCore, type DemoCore } from '../testing/demo-core';
import { eventually, fastCatchUpPolicy, fastDemoTimings, fastOutboxPolicy, fastSessionPolicy, startTestCore } from '../testing/test-core';
import { createDemoClientFactory } from './demo/demo-client-factory';

const running: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((c) => c.close()));
});

async function linkThree(t: DemoCore): Promise<{ token: string; ids: number[] }> {
  const admin = await t.setupAdmin();
  const ids: number[] = [];
  for (const name of ['المبيعات', 'الإيجارات', 'الإدارة']) {
    const number = await t.call('numbers.create', { name }, admin.token);
    await t.call('numbers.connect', { id: number.id }, admin.token);
    await eventually(async () => expect((await numberState(t, admin.token, number.id)).connection.state).toBe('QR_GENERATED'));
    await t.call('numbers.demoScan', { id: number.id }, admin.token);
    await eventually(async () => expect((await numberState(t, admin.token, number.id)).connection.state).toBe('CONNECTED'));
    ids.push(number.id);
  }
  return { token: admin.token, ids };
}

describe('opening the app with three linked numbers', () => {
  it('starts them one by one: the next browser page only once the previous one is up', async () => {
    const first = startDemoCore();
    const { token, ids } = await linkThree(first);
    await first.close();

    // The same data folder again, with WhatsApp Web pages that load only when the test says so.
    const demo = createDemoClientFactory({ customers: false, timings: fastDemoTimings });
    const started: number[] = [];
    const release = new Map<number, () => void>();
    const factory = {
      ...demo,
      async create(options: { numberId: number; sessionDir: string }) {
        const client = await demo.create(options);
        const initialize = client.initialize.bind(client);
        client.initialize = async () => {
          started.push(options.numberId);
          await new Promise<void>((resolve) => release.set(options.numberId, resolve));
          await initialize();
        };
        return client;
      },
    };
    const t = startTestCore({
      dataDir: first.dataDir,
      whatsapp: { factory, demo: factory, sessionPolicy: fastSessionPolicy, outboxPolicy: fastOutboxPolicy, catchUpPolicy: fastCatchUpPolicy, restoreSessions: true },
    });
    running.push(t);

    await eventually(() => expect(started).toEqual([ids[0]]));
    release.get(ids[0]!)!();
    await eventually(() => expect(started).toEqual([ids[0], ids[1]]));
    release.get(ids[1]!)!();
    await eventually(() => expect(started).toEqual(ids));
    release.get(ids[2]!)!();
    for (const id of ids) {
      await eventually(async () => expect((await t.call('numbers.list', {}, token)).find((n) => n.id === id)!.connection.state).toBe('CONNECTED'));
    }
  });
});
