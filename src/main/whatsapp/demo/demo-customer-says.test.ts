import { afterEach, describe, expect, it } from 'vitest';
import { aiOffice } from '../../services/ai/testing/ai-office';
import { linkedNumber, trackedCores } from '../../testing/demo-core';
import { eventually } from '../../testing/test-core';

const cores = trackedCores(afterEach);

describe('demo mode: the simulated customer types what the demo user gives', () => {
  it('arrives in the conversation as the customer’s own WhatsApp message; an empty text is refused and sends nothing', async () => {
    const t = cores.startDemo();
    const { admin, number } = await linkedNumber(t);
    const wrote = await t.call('demo.newCustomerWrites', { numberId: number.id, name: 'ياسر التجريبي' }, admin.token);
    const conversationId = await eventually(async () => {
      const list = await t.call('conversations.list', {}, admin.token);
      const found = list.data.find((c) => c.contact.phone === wrote.phone);
      expect(found).toBeDefined();
      return found!.id;
    });
    expect(await t.call('demo.customerSays', { conversationId, text: '  أبي أكلم موظف ' }, admin.token)).toEqual({ ok: true });
    const messages = await eventually(async () => {
      const list = await t.call('messages.list', { conversationId }, admin.token);
      expect(list).toHaveLength(2);
      return list;
    });
    expect(messages[1]).toMatchObject({ sender: 'customer', type: 'text', content: 'أبي أكلم موظف' });

    expect(await t.failure('demo.customerSays', { conversationId, text: '   ' }, admin.token)).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await t.call('messages.list', { conversationId }, admin.token)).toHaveLength(2);
  });

  it('is refused outside demo mode', async () => {
    const office = await aiOffice();
    try {
      const { conversationId } = office.customerWrites('966501112233', 'مرحبا');
      expect(await office.t.failure('demo.customerSays', { conversationId, text: 'أبي أكلم موظف' }, office.admin.token)).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: 'demo_only' });
    } finally {
      await office.t.close();
      await office.fake.close();
    }
  });
});
