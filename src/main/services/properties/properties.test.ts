import { afterEach, describe, expect, it } from 'vitest';
import { linkedNumber, trackedCores } from '../../testing/demo-core';
import { eventually } from '../../testing/test-core';

const cores = trackedCores(afterEach);
const start = () => cores.start();
const startDemo = () => cores.startDemo();

const villa = { name: 'فيلا حي الملقا', type: 'villa' as const, location: 'الرياض، حي الملقا', price: 3_200_000, bedrooms: 5, area: 450 };

describe('properties', () => {
  it('creates, lists with an Arabic search, updates and deletes a property, each step logged', async () => {
    const t = start();
    const admin = await t.setupAdmin();
    const created = await t.call('properties.create', villa, admin.token);
    expect(created).toMatchObject({ ...villa, status: 'available', photos: [] });
    await t.call('properties.create', { name: 'شقة العليا', type: 'apartment', location: '  ' }, admin.token);
    expect((await t.call('properties.list', {}, admin.token)).map((p) => p.name)).toEqual(['شقة العليا', 'فيلا حي الملقا']);
    expect((await t.call('properties.list', { search: 'الملقا' }, admin.token)).map((p) => p.id)).toEqual([created.id]);
    expect((await t.call('properties.list', { search: 'العليا' }, admin.token))[0]?.location).toBeNull();

    const changed = await t.call('properties.update', { id: created.id, price: 3_000_000, status: 'reserved', location: null }, admin.token);
    expect(changed).toMatchObject({ name: villa.name, price: 3_000_000, status: 'reserved', location: null, bedrooms: 5 });
    expect(await t.call('properties.delete', { id: created.id }, admin.token)).toEqual({ ok: true });
    expect((await t.failure('properties.update', { id: created.id, name: 'x' }, admin.token)).code).toBe('NOT_FOUND');
    const actions = (await t.call('activity.list', {}, admin.token)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['property.created', 'property.updated', 'property.deleted']));
  });

  it('refuses negative or fractional numbers, an unknown type and an empty name, with a detail per field', async () => {
    const t = start();
    const admin = await t.setupAdmin();
    const failure = await t.failure('properties.create', { name: '  ', type: 'castle', price: -1, bedrooms: 2.5, area: -10 } as never, admin.token);
    expect(failure.code).toBe('VALIDATION_ERROR');
    expect((failure.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['area', 'bedrooms', 'name', 'price', 'type']);
    expect(await t.call('properties.list', {}, admin.token)).toEqual([]);
  });

  it('agents read the catalogue but cannot change it; supervisors can', async () => {
    const t = start();
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    const supervisor = await t.createUser(admin.token, 'supervisor', 'sup@office.test');
    const created = await t.call('properties.create', villa, supervisor.token);
    expect(await t.call('properties.list', {}, agent.token)).toHaveLength(1);
    expect((await t.failure('properties.create', villa, agent.token)).code).toBe('FORBIDDEN');
    expect((await t.failure('properties.update', { id: created.id, price: 1 }, agent.token)).code).toBe('FORBIDDEN');
    expect((await t.failure('properties.delete', { id: created.id }, agent.token)).code).toBe('FORBIDDEN');
  });
});

describe('interests on a conversation', () => {
  async function conversationWithCustomer(t: ReturnType<typeof startDemo>) {
    const linked = await linkedNumber(t);
    t.world.deliverInbound(linked.phoneWid, { from: '966501112233', body: 'أبغى أشوف الفيلا', profileName: 'محمد أحمد' });
    const conversation = await eventually(async () => {
      const page = await t.call('conversations.list', {}, linked.admin.token);
      expect(page.data).toHaveLength(1);
      return page.data[0]!;
    });
    return { ...linked, conversation };
  }

  it('adds an interest, changes its status, removes it, and tells the conversation’s windows', async () => {
    const t = startDemo();
    const { admin, conversation } = await conversationWithCustomer(t);
    const property = await t.call('properties.create', villa, admin.token);
    const conversationId = conversation.id;

    const added = await t.call('conversations.setInterest', { conversationId, propertyId: property.id }, admin.token);
    expect(added).toMatchObject({ conversationId, status: 'interested', property: { id: property.id, name: villa.name, price: villa.price } });
    await t.call('conversations.setInterest', { conversationId, propertyId: property.id, status: 'viewing_scheduled' }, admin.token);
    expect(await t.call('conversations.interests', { conversationId }, admin.token)).toMatchObject([{ status: 'viewing_scheduled', property: { id: property.id } }]);
    expect(t.events.filter((e) => e.event === 'interests.changed')).toHaveLength(2);

    expect(await t.call('conversations.removeInterest', { conversationId, propertyId: property.id }, admin.token)).toEqual({ ok: true });
    expect(await t.call('conversations.interests', { conversationId }, admin.token)).toEqual([]);
    expect((await t.failure('conversations.removeInterest', { conversationId, propertyId: property.id }, admin.token)).code).toBe('NOT_FOUND');
    expect((await t.failure('conversations.setInterest', { conversationId, propertyId: 999 }, admin.token)).code).toBe('NOT_FOUND');
    expect((await t.failure('conversations.setInterest', { conversationId: 999, propertyId: property.id }, admin.token)).code).toBe('NOT_FOUND');
    expect((await t.failure('conversations.setInterest', { conversationId, propertyId: property.id, status: 'bought' } as never, admin.token)).details).toEqual([
      expect.objectContaining({ field: 'status' }),
    ]);

    const actions = (await t.call('activity.list', {}, admin.token)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['property_interest.added', 'property_interest.updated', 'property_interest.removed']));

    // Deleting the property takes its interests with it.
    await t.call('conversations.setInterest', { conversationId, propertyId: property.id, status: 'offer_made' }, admin.token);
    await t.call('properties.delete', { id: property.id }, admin.token);
    expect(await t.call('conversations.interests', { conversationId }, admin.token)).toEqual([]);
  });

  it('an agent who does not work the number is refused; the number’s agent is not', async () => {
    const t = startDemo();
    const { admin, conversation } = await conversationWithCustomer(t);
    const property = await t.call('properties.create', villa, admin.token);
    const outsider = await t.createUser(admin.token, 'agent', 'outsider@office.test');
    const conversationId = conversation.id;
    expect((await t.failure('conversations.interests', { conversationId }, outsider.token)).code).toBe('FORBIDDEN');
    expect((await t.failure('conversations.setInterest', { conversationId, propertyId: property.id }, outsider.token)).code).toBe('FORBIDDEN');
    expect((await t.failure('conversations.removeInterest', { conversationId, propertyId: property.id }, outsider.token)).code).toBe('FORBIDDEN');
    expect(t.core.database.sqlite.prepare('select count(*) as n from conversation_property_interests').get()).toEqual({ n: 0 });

    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    await t.call('numbers.update', { id: conversation.whatsappNumberId, employeeId: agent.user.id }, admin.token);
    expect(await t.call('conversations.setInterest', { conversationId, propertyId: property.id, status: 'offer_made' }, agent.token)).toMatchObject({ status: 'offer_made' });
  });
});
