import { afterEach, describe, expect, it } from 'vitest';
import { linkedNumber, trackedCores } from '../../testing/demo-core';
import { eventually } from '../../testing/test-core';

const cores = trackedCores(afterEach);

describe('demo mode: a new customer writes on demand', () => {
  it('opens a new conversation under the name asked for, from a phone the number never heard from; twice gives two customers', async () => {
    const t = cores.startDemo();
    const { admin, number } = await linkedNumber(t);
    const first = await t.call('demo.newCustomerWrites', { numberId: number.id, name: 'ياسر التجريبي' }, admin.token);
    expect(first.name).toBe('ياسر التجريبي');
    expect(first.phone).toMatch(/^\+9665\d{8}$/);
    const second = await t.call('demo.newCustomerWrites', { numberId: number.id, language: 'en' }, admin.token);
    expect(second.phone).not.toBe(first.phone);
    // Names picked by the demo never repeat on a number, so each customer is told apart in the inbox.
    const picked = new Set<string>();
    for (let i = 0; i < 8; i++) picked.add((await t.call('demo.newCustomerWrites', { numberId: number.id }, admin.token)).name);
    expect(picked.size).toBe(8);

    const list = await eventually(async () => {
      const found = await t.call('conversations.list', {}, admin.token);
      expect(found.data).toHaveLength(10);
      return found.data;
    });
    const yasser = list.find((c) => c.contact.phone === first.phone);
    expect(yasser?.contact.name).toBe('ياسر التجريبي');
    const messages = await t.call('messages.list', { conversationId: yasser!.id }, admin.token);
    expect(messages.map((m) => m.sender)).toEqual(['customer']);
  });

  it('is refused outside demo mode and while the number is not connected', async () => {
    const plain = cores.start();
    const admin = await plain.setupAdmin();
    const number = await plain.call('numbers.create', { name: 'المبيعات' }, admin.token);
    expect((await plain.failure('demo.newCustomerWrites', { numberId: number.id }, admin.token)).details).toBe('demo_only');

    const t = cores.startDemo();
    const demoAdmin = await t.setupAdmin();
    const unlinked = await t.call('numbers.create', { name: 'الإيجارات' }, demoAdmin.token);
    expect((await t.failure('demo.newCustomerWrites', { numberId: unlinked.id }, demoAdmin.token)).details).toBe('demo_nothing_to_act');
  });
});
