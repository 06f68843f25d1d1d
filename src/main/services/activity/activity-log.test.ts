import { afterEach, describe, expect, it } from 'vitest';
import { Ingest } from '../../ingest/ingest';
import { manualClock, startTestCore } from '../../testing/test-core';

let t: ReturnType<typeof startTestCore>;
afterEach(async () => {
  await t?.close();
});

const hour = 60 * 60 * 1000;
let clock: ReturnType<typeof manualClock>;

function customerWrites(numberId: number, phoneDigits: string, name: string) {
  const result = new Ingest(t.core.database.sqlite, clock).ingest(numberId, {
    providerId: `false_${phoneDigits}@c.us_M1`,
    chatId: `${phoneDigits}@c.us`,
    fromMe: false,
    chatKind: 'user',
    customerPhone: phoneDigits,
    customerLid: null,
    profileName: name,
    body: 'السلام عليكم',
    type: 'chat',
    hasMedia: false,
    timestamp: clock.now(),
  });
  if (result.kind !== 'stored') throw new Error(`not stored: ${result.kind}`);
  return result.conversationId;
}

async function office() {
  clock = manualClock(Date.UTC(2026, 10, 25, 20, 30, 0)); // 23:30 in Riyadh, 25 November
  t = startTestCore({ clock });
  const admin = await t.setupAdmin();
  const noura = await t.createUser(admin.token, 'supervisor', 'noura@office.test');
  const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
  const sales = await t.call('numbers.create', { name: 'مبيعات الرياض' }, admin.token);
  await t.call('numbers.setAgents', { id: sales.id, agentIds: [agent.user.id] }, admin.token);
  return { admin, noura, agent, sales };
}

const entry = async (token: string, action: string) => (await t.call('activity.list', { limit: 200 }, token)).find((e) => e.action === action);

describe('the activity log', () => {
  it('names every target by its name, a conversation by its customer, a removed one by the name it had', async () => {
    const { admin, noura, agent, sales } = await office();
    const conversationId = customerWrites(sales.id, '966501234567', 'أحمد');
    await t.call('conversations.update', { id: conversationId, status: 'resolved' }, noura.token);
    await t.call('conversations.assign', { id: conversationId, agentId: agent.user.id }, noura.token);
    await t.call('conversations.assign', { id: conversationId, agentId: noura.user.id }, admin.token);
    const template = await t.call('templates.create', { name: 'ترحيب', content: 'أهلاً {{customer_name}}' }, noura.token);
    await t.call('messages.sendTemplate', { conversationId, templateId: template.id, variables: { customer_name: 'أحمد' } }, noura.token);
    await t.call('templates.delete', { id: template.id }, noura.token);
    const property = await t.call('properties.create', { name: 'فيلا الملقا', type: 'villa' }, noura.token);
    await t.call('conversations.setInterest', { conversationId, propertyId: property.id, status: 'interested' }, noura.token);
    const contact = await t.call('contacts.create', { name: 'Sara Ali', phone: '0551112222' }, noura.token);

    expect(await entry(noura.token, 'conversation.status_changed')).toMatchObject({
      userName: 'User noura@office.test',
      entityType: 'conversation',
      entityName: 'أحمد',
      details: { from: 'active', to: 'resolved' },
    });
    expect(await entry(noura.token, 'conversation.transferred')).toMatchObject({
      entityName: 'أحمد',
      related: { fromUserName: 'User agent@office.test', toUserName: 'User noura@office.test' },
    });
    expect(await entry(noura.token, 'template.used')).toMatchObject({ entityName: 'ترحيب', related: { conversationName: 'أحمد' } });
    expect(await entry(noura.token, 'template.deleted')).toMatchObject({ entityType: 'message_template', entityName: 'ترحيب' });
    expect(await entry(noura.token, 'property.created')).toMatchObject({ entityName: 'فيلا الملقا' });
    expect(await entry(noura.token, 'property_interest.added')).toMatchObject({ entityName: 'أحمد', details: { name: 'فيلا الملقا', status: 'interested' } });
    expect(await entry(noura.token, 'contact.created')).toMatchObject({ entityId: contact.id, entityName: 'Sara Ali' });
    expect(await entry(noura.token, 'number.created')).toMatchObject({ entityName: 'مبيعات الرياض' });
    const created = (await t.call('activity.list', { action: 'user.created' }, noura.token)).find((e) => e.entityId === noura.user.id);
    expect(created).toMatchObject({ userId: admin.user.id, entityName: 'User noura@office.test' });
    // Nothing falls back to a type and an id.
    const all = await t.call('activity.list', { limit: 200 }, noura.token);
    expect(all.filter((e) => e.entityId !== null && e.entityName === null)).toEqual([]);
  });

  it('filters by who did it, by one action or a whole group, and by office days', async () => {
    const { admin, noura, sales } = await office();
    const conversationId = customerWrites(sales.id, '966501234567', 'أحمد');
    await t.call('conversations.update', { id: conversationId, isStarred: true }, noura.token);
    clock.advance(hour); // 00:30 on the 26th in Riyadh, still the 25th in UTC
    await t.call('conversations.update', { id: conversationId, status: 'pending' }, admin.token);
    await t.call('templates.create', { name: 'متابعة', content: 'مرحباً' }, noura.token);

    const byNoura = await t.call('activity.list', { userId: noura.user.id }, admin.token);
    expect(byNoura.map((e) => e.action)).toEqual(['template.created', 'conversation.starred', 'auth.signed_in']);
    expect((await t.call('activity.list', { action: 'conversation.status_changed' }, admin.token)).map((e) => e.userId)).toEqual([admin.user.id]);
    expect((await t.call('activity.list', { action: 'conversation' }, admin.token)).map((e) => e.action)).toEqual(['conversation.status_changed', 'conversation.starred']);
    // 26 November in Riyadh, whatever the machine's zone.
    expect((await t.call('activity.list', { from: '2026-11-26', to: '2026-11-26' }, admin.token)).map((e) => e.action)).toEqual([
      'template.created',
      'conversation.status_changed',
    ]);
    expect(await t.call('activity.list', { from: '2026-11-27' }, admin.token)).toEqual([]);
    expect((await t.call('activity.list', { userId: noura.user.id, to: '2026-11-25', action: 'conversation' }, admin.token)).map((e) => e.action)).toEqual([
      'conversation.starred',
    ]);
  });

  it('pages past the latest 100 without repeating or skipping an entry, filters kept', async () => {
    const { admin, noura } = await office();
    for (let i = 0; i < 130; i++) await t.call('profile.update', { name: `Noura ${i}` }, noura.token);
    const seen: number[] = [];
    let page = await t.call('activity.list', { limit: 100, userId: noura.user.id }, admin.token);
    expect(page).toHaveLength(100);
    while (page.length > 0) {
      seen.push(...page.map((e) => e.id));
      page = await t.call('activity.list', { limit: 100, userId: noura.user.id, beforeId: page.at(-1)!.id }, admin.token);
    }
    expect(seen).toHaveLength(131); // 130 edits and the sign-in
    expect(new Set(seen).size).toBe(131);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
  });

  it('refuses a range that ends before it starts, a day that does not exist and an action it does not know', async () => {
    const { admin } = await office();
    expect(await t.failure('activity.list', { from: '2026-11-26', to: '2026-11-25' }, admin.token)).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'to' }] });
    expect((await t.failure('activity.list', { from: '2026-02-30' }, admin.token)).details).toMatchObject([{ field: 'from', code: 'invalid' }]);
    expect((await t.failure('activity.list', { action: 'drop table' }, admin.token)).details).toMatchObject([{ field: 'action' }]);
    expect((await t.failure('activity.list', { userId: -1 }, admin.token)).details).toMatchObject([{ field: 'userId' }]);
  });
});
