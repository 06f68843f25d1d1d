import type { CoreOptions } from '../core/create-core';
import { manualClock, startTestCore } from './test-core';
import { customerWritesIn } from './two-numbers-office';

type TestCore = ReturnType<typeof startTestCore>;
const day = 24 * 60 * 60_000;

/** Puts the office in `timeZone` (a setting, as the office settings page writes it). */
export function setOfficeZone(t: TestCore, timeZone: string): void {
  t.core.database.sqlite.prepare("insert into settings (key, value) values ('office.timeZone', ?) on conflict (key) do update set value = excluded.value").run(JSON.stringify(timeZone));
}

/**
 * An office for offers: a number worked by `agent` (and one that is not), two customers writing
 * in on it, a villa and a flat; the core on a hand-moved clock.
 */
export async function offersOffice(options: { clock?: ReturnType<typeof manualClock>; timeZone?: string; dataDir?: string; core?: Partial<CoreOptions> } = {}) {
  const clock = options.clock ?? manualClock(Date.UTC(2026, 11, 10, 9, 0));
  // Sessions last the whole test: expiry tests move the clock by days.
  const t = startTestCore({ ...options.core, clock, sessionPolicy: { idleMs: 30 * day, absoluteMs: 30 * day }, ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  if (options.timeZone) setOfficeZone(t, options.timeZone);
  const admin = await t.setupAdmin();
  const supervisor = await t.createUser(admin.token, 'supervisor', 'supervisor@office.test');
  const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
  const otherAgent = await t.createUser(admin.token, 'agent', 'other-agent@office.test');
  const sales = await t.call('numbers.create', { name: 'Sales' }, admin.token);
  const rentals = await t.call('numbers.create', { name: 'Rentals' }, admin.token);
  await t.call('numbers.setAgents', { id: sales.id, agentIds: [agent.user.id] }, admin.token);
  await t.call('numbers.setAgents', { id: rentals.id, agentIds: [otherAgent.user.id] }, admin.token);
  const khalid = customerWritesIn(t, sales.id, '966501230001', 'أبغى الفيلا اللي في الملقا', 'خالد');
  const sara = customerWritesIn(t, sales.id, '966501230002', 'كم سعر الفيلا؟', 'سارة');
  const rentalsCustomer = customerWritesIn(t, rentals.id, '966501230003', 'أبحث عن شقة', 'فهد');
  const villa = await t.call('properties.create', { name: 'فيلا الملقا', type: 'villa', price: 2_500_000 }, admin.token);
  const flat = await t.call('properties.create', { name: 'شقة العليا', type: 'apartment', price: 900_000 }, admin.token);
  return { t, clock, admin, supervisor, agent, otherAgent, sales, rentals, khalid, sara, rentalsCustomer, villa, flat };
}

/** Every row the offer flows write, to prove a refusal wrote nothing. */
export function offerTables(t: TestCore): unknown {
  const sqlite = t.core.database.sqlite;
  const all = (table: string) => sqlite.prepare(`select * from ${table} order by 1`).all();
  return {
    offers: all('offers'),
    steps: all('offer_steps'),
    properties: all('properties'),
    interests: all('conversation_property_interests'),
    activity: all('activity_log'),
    promotions: all('promotions'),
  };
}
