import { afterEach, describe, expect, it } from 'vitest';
import { numberState, trackedCores } from '../../testing/demo-core';
import { eventually } from '../../testing/test-core';
import { seededRandom } from './demo-ids';

const cores = trackedCores(afterEach);

describe('demo numbers and their customers', () => {
  it('each linked demo number gets its own customers and threads', async () => {
    const t = cores.startDemo({ customers: { random: seededRandom(5), firstMessageMs: 10, everyMs: [15, 30], replyChance: 0, noiseChance: 0 } });
    const admin = await t.setupAdmin();
    const numbers = [await t.call('numbers.create', { name: 'الأول' }, admin.token), await t.call('numbers.create', { name: 'الثاني' }, admin.token)];
    for (const number of numbers) {
      await t.call('numbers.connect', { id: number.id }, admin.token);
      await eventually(async () => expect((await numberState(t, admin.token, number.id)).connection.state).toBe('QR_GENERATED'));
      await t.call('numbers.demoScan', { id: number.id }, admin.token);
    }
    const people = t.core.database.sqlite.prepare<[number], { contactId: number; name: string | null }>(
      'select ct.id as contactId, ct.name from conversations c join contacts ct on ct.id = c.contact_id where c.whatsapp_number_id = ?',
    );
    // Every new customer of the script writes to each number (8 of 14), so a shared cast would show.
    const [first, second] = await eventually(() => {
      const found = numbers.map((n) => people.all(n.id));
      for (const list of found) expect(list.length).toBeGreaterThanOrEqual(8);
      return found;
    }, 15_000);
    const ids = (list: typeof first) => new Set(list!.map((p) => p.contactId));
    const names = (list: typeof first) => new Set(list!.map((p) => p.name));
    expect([...ids(first)].filter((id) => ids(second).has(id))).toEqual([]);
    expect([...names(first)].filter((name) => names(second).has(name))).toEqual([]);
    // One thread per customer on each number.
    expect(ids(first).size).toBe(first!.length);
    expect(ids(second).size).toBe(second!.length);
  });
});
