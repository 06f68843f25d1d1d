import { expect } from 'vitest';
import type { NumberView } from '../../shared/numbers/types';
import { createDemoClientFactory, type DemoClientFactory } from '../whatsapp/demo/demo-client-factory';
import type { CustomerScriptOptions } from '../whatsapp/demo/demo-customers';
import type { DemoWorld } from '../whatsapp/demo/demo-world';
import type { SessionPolicy } from '../whatsapp/session-manager';
import { eventually, fastCatchUpPolicy, fastDemoTimings, fastOutboxPolicy, fastSessionPolicy, startTestCore } from './test-core';

export interface DemoCoreOptions {
  dataDir?: string;
  world?: DemoWorld;
  session?: Partial<SessionPolicy>;
  timings?: Partial<typeof fastDemoTimings>;
  /** The simulated customers who write once a number is ready; none unless given. */
  customers?: Partial<CustomerScriptOptions>;
}

/** A test core whose numbers link to the demo's simulated phones, through the real webjs transport. */
export function startDemoCore(options: DemoCoreOptions = {}) {
  const factory: DemoClientFactory = createDemoClientFactory({
    customers: options.customers ?? false,
    timings: { ...fastDemoTimings, ...options.timings },
    ...(options.world ? { world: options.world } : {}),
  });
  const t = startTestCore({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    whatsapp: {
      factory,
      demo: factory,
      sessionPolicy: { ...fastSessionPolicy, ...options.session },
      outboxPolicy: fastOutboxPolicy,
      catchUpPolicy: fastCatchUpPolicy,
      restoreSessions: true,
    },
  });
  return { ...t, factory, world: factory.world };
}
export type DemoCore = ReturnType<typeof startDemoCore>;

/**
 * Cores a test file starts, closed after each test: `const cores = trackedCores(afterEach)`,
 * then `cores.start()` (plain) or `cores.startDemo()` (numbers link to the demo phone).
 */
export function trackedCores(afterEach: (hook: () => Promise<void>) => void) {
  const running: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((c) => c.close()));
  });
  const track = <T extends { close(): Promise<void> }>(core: T): T => (running.push(core), core);
  return {
    start: (options: Parameters<typeof startTestCore>[0] = {}) => track(startTestCore(options)),
    startDemo: (options: DemoCoreOptions = {}) => track(startDemoCore(options)),
  };
}

export async function numberState(t: DemoCore, token: string, id: number): Promise<NumberView> {
  const list = await t.call('numbers.list', {}, token);
  return list.find((n) => n.id === id)!;
}

/** An admin adds a number, links it and scans the QR with the demo phone. */
export async function linkedNumber(t: DemoCore) {
  const admin = await t.setupAdmin();
  const number = await t.call('numbers.create', { name: 'المبيعات' }, admin.token);
  await t.call('numbers.connect', { id: number.id }, admin.token);
  await eventually(async () => expect((await numberState(t, admin.token, number.id)).connection.state).toBe('QR_GENERATED'));
  await t.call('numbers.demoScan', { id: number.id }, admin.token);
  await eventually(async () => expect((await numberState(t, admin.token, number.id)).connection.state).toBe('CONNECTED'));
  return { admin, number, phoneWid: `${t.factory.phoneFor(number.id)}@c.us` };
}
