import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { linkedNumber, trackedCores, type DemoCore } from '../../testing/demo-core';
import { eventually } from '../../testing/test-core';

const cores = trackedCores(afterEach);

/** A linked demo number with one customer who wrote in; their conversation. */
async function customerWroteIn(t: DemoCore) {
  const linked = await linkedNumber(t);
  t.world.deliverInbound(linked.phoneWid, { from: '966503334455', body: 'متى أقدر أشوف الفيلا؟' });
  const conversation = await eventually(async () => (await t.call('conversations.list', {}, linked.admin.token)).data[0]!);
  return { ...linked, conversation };
}

describe('an answer resent after a dropped connection', () => {
  it('is stored and sent once when the browser repeats messages.send with the same client id', async () => {
    const t = cores.startDemo();
    const { admin, phoneWid, conversation } = await customerWroteIn(t);
    const clientId = randomUUID();
    const input = { conversationId: conversation.id, content: 'بكرة الساعة ٥ العصر يناسبك؟', clientId };

    const first = await t.call('messages.send', input, admin.token);
    const repeat = await t.call('messages.send', input, admin.token);
    expect(repeat.id).toBe(first.id);
    expect(first.clientId).toBe(clientId);
    await eventually(async () => {
      const thread = await t.call('messages.list', { conversationId: conversation.id }, admin.token);
      expect(thread.find((m) => m.id === first.id)?.status).toBe('read');
    });
    // Once more after it went out (the answer to the first call was lost): still the same message, its ticks as they are.
    expect(await t.call('messages.send', input, admin.token)).toMatchObject({ id: first.id, status: 'read' });

    const ours = (await t.call('messages.list', { conversationId: conversation.id }, admin.token)).filter((m) => m.sender === 'agent');
    expect(ours).toHaveLength(1);
    expect(t.world.sentMessages(phoneWid).filter((m) => m.body === input.content)).toHaveLength(1);
    expect(t.events.filter((e) => e.event === 'message.new' && (e.data as { message: { id: number } }).message.id === first.id)).toHaveLength(1);
  });

  it('two answers with the same words but their own client ids are two messages', async () => {
    const t = cores.startDemo();
    const { admin, phoneWid, conversation } = await customerWroteIn(t);
    const content = 'تمام';
    await t.call('messages.send', { conversationId: conversation.id, content, clientId: randomUUID() }, admin.token);
    await t.call('messages.send', { conversationId: conversation.id, content, clientId: randomUUID() }, admin.token);
    await eventually(() => expect(t.world.sentMessages(phoneWid).filter((m) => m.body === content)).toHaveLength(2));
  });

  it('a template resent with the same client id is stored, counted and sent once', async () => {
    const t = cores.startDemo();
    const { admin, phoneWid, conversation } = await customerWroteIn(t);
    const template = await t.call('templates.create', { name: 'ترحيب', content: 'أهلاً {{customer_name}}، شكراً لتواصلك' }, admin.token);
    const input = { conversationId: conversation.id, templateId: template.id, variables: { customer_name: 'سارة' }, clientId: randomUUID() };
    const first = await t.call('messages.sendTemplate', input, admin.token);
    expect((await t.call('messages.sendTemplate', input, admin.token)).id).toBe(first.id);
    await eventually(() => expect(t.world.sentMessages(phoneWid).filter((m) => m.body === 'أهلاً سارة، شكراً لتواصلك')).toHaveLength(1));
    expect((await t.call('templates.list', {}, admin.token)).find((x) => x.id === template.id)?.usageCount).toBe(1);
  });

  it('refuses a client id that is not a UUID, naming the field', async () => {
    const t = cores.startDemo();
    const { admin, conversation } = await customerWroteIn(t);
    const error = await t.failure('messages.send', { conversationId: conversation.id, content: 'x', clientId: 'not-a-uuid' }, admin.token);
    expect(error.code).toBe('VALIDATION_ERROR');
    expect(error.details).toEqual([expect.objectContaining({ field: 'clientId' })]);
  });
});
