import { afterEach, describe, expect, it } from 'vitest';
import { linkedNumber, trackedCores } from '../../testing/demo-core';
import { eventually, manualClock } from '../../testing/test-core';

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

  it('refuses negative or fractional numbers, an unknown type and an empty name, with a detail per field the form can name', async () => {
    const t = start();
    const admin = await t.setupAdmin();
    const failure = await t.failure('properties.create', { name: '  ', type: 'castle', price: -1, bedrooms: 2.5, area: -10 } as never, admin.token);
    expect(failure.code).toBe('VALIDATION_ERROR');
    const codes = Object.fromEntries((failure.details as { field: string; code: string; params?: object }[]).map((d) => [d.field, [d.code, d.params]]));
    expect(codes).toEqual({
      name: ['required', undefined],
      type: ['invalid', undefined],
      price: ['min_value', { min: 0 }],
      bedrooms: ['not_integer', undefined],
      area: ['min_value', { min: 0 }],
    });
    const tooDear = await t.failure('properties.update', { id: 1, price: 10 ** 13 }, admin.token);
    expect(tooDear.details).toEqual([expect.objectContaining({ field: 'price', code: 'max_value' })]);
    expect(await t.call('properties.list', {}, admin.token)).toEqual([]);
  });

  it('filters the catalogue by type and status and orders it by newest or price, unpriced last', async () => {
    const clock = manualClock();
    const t = cores.start({ clock });
    const admin = await t.setupAdmin();
    const add = async (name: string, type: 'villa' | 'apartment' | 'land', price: number | null, status: 'available' | 'reserved' = 'available') => {
      clock.advance(60_000);
      return t.call('properties.create', { name, type, price, status }, admin.token);
    };
    await add('أرض القيروان', 'land', null, 'reserved');
    await add('شقة العليا', 'apartment', 900_000);
    await add('فيلا حطين', 'villa', 3_200_000);
    await add('شقة الملقا', 'apartment', 65_000, 'reserved');
    const names = async (input: object) => (await t.call('properties.list', input, admin.token)).map((p) => p.name);

    expect(await names({})).toEqual(['أرض القيروان', 'شقة العليا', 'شقة الملقا', 'فيلا حطين']);
    expect(await names({ sort: 'newest' })).toEqual(['شقة الملقا', 'فيلا حطين', 'شقة العليا', 'أرض القيروان']);
    expect(await names({ sort: 'price_asc' })).toEqual(['شقة الملقا', 'شقة العليا', 'فيلا حطين', 'أرض القيروان']);
    expect(await names({ sort: 'price_desc' })).toEqual(['فيلا حطين', 'شقة العليا', 'شقة الملقا', 'أرض القيروان']);
    expect(await names({ type: 'apartment', sort: 'price_asc' })).toEqual(['شقة الملقا', 'شقة العليا']);
    expect(await names({ status: 'reserved' })).toEqual(['أرض القيروان', 'شقة الملقا']);
    expect(await names({ type: 'apartment', status: 'reserved', search: 'ملقا' })).toEqual(['شقة الملقا']);
    expect(await names({ type: 'villa', status: 'reserved' })).toEqual([]);
    expect((await t.failure('properties.list', { sort: 'cheapest' } as never, admin.token)).details).toEqual([expect.objectContaining({ field: 'sort' })]);
  });

  it('tells every open window when the catalogue changes', async () => {
    const t = start();
    const admin = await t.setupAdmin();
    const created = await t.call('properties.create', villa, admin.token);
    await t.call('properties.update', { id: created.id, status: 'sold' }, admin.token);
    await t.call('properties.delete', { id: created.id }, admin.token);
    const changes = t.events.filter((e) => e.event === 'properties.changed');
    expect(changes.map((e) => e.data)).toEqual([{ propertyId: created.id }, { propertyId: created.id }, { propertyId: created.id }]);
    expect(changes.every((e) => e.audience.kind === 'all')).toBe(true);
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

describe('who is interested in a property', () => {
  /** A conversation on `numberId` with a customer, stored as the pipeline would (no WhatsApp needed to count interests). */
  function storedConversation(t: ReturnType<typeof start>, numberId: number, phone: string, name: string | null, minutesAgo: number): number {
    const sqlite = t.core.database.sqlite;
    const at = Date.now() - minutesAgo * 60_000;
    const contactId = Number(sqlite.prepare('insert into contacts (phone, name, created_at, updated_at) values (?, ?, ?, ?)').run(phone, name, at, at).lastInsertRowid);
    return Number(
      sqlite
        .prepare('insert into conversations (contact_id, whatsapp_number_id, last_message, last_message_time, unread_count, created_at, updated_at) values (?, ?, ?, ?, 2, ?, ?)')
        .run(contactId, numberId, 'أبغى أشوف الفيلا', at, at, at).lastInsertRowid,
    );
  }

  async function office() {
    const clock = manualClock();
    const t = cores.start({ clock });
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    const sales = await t.call('numbers.create', { name: 'المبيعات', employeeId: agent.user.id }, admin.token);
    const rentals = await t.call('numbers.create', { name: 'الإيجار' }, admin.token);
    const property = await t.call('properties.create', villa, admin.token);
    const other = await t.call('properties.create', { name: 'شقة العليا', type: 'apartment' }, admin.token);
    const mohammed = storedConversation(t, sales.id, '+966501112233', 'محمد أحمد', 30);
    const fatima = storedConversation(t, sales.id, '+966502223344', null, 20);
    const khalid = storedConversation(t, rentals.id, '+966503334455', 'خالد العمري', 10);
    const interest = async (conversationId: number, status: 'interested' | 'viewing_scheduled' | 'offer_made' | 'not_interested', propertyId = property.id) => {
      clock.advance(60_000);
      await t.call('conversations.setInterest', { conversationId, propertyId, status }, admin.token);
    };
    await interest(mohammed, 'viewing_scheduled');
    await interest(fatima, 'not_interested');
    await interest(khalid, 'offer_made');
    await interest(khalid, 'interested', other.id);
    return { t, admin, agent, property, other, mohammed, fatima, khalid };
  }

  it('counts the interested conversations per status beside each property, an agent only those on the numbers they work', async () => {
    const { t, admin, agent, property, other } = await office();
    const counts = async (token: string) => Object.fromEntries((await t.call('properties.list', {}, token)).map((p) => [p.id, p.interestCounts]));
    expect(await counts(admin.token)).toEqual({
      [property.id]: { interested: 0, viewing_scheduled: 1, offer_made: 1, not_interested: 1 },
      [other.id]: { interested: 1, viewing_scheduled: 0, offer_made: 0, not_interested: 0 },
    });
    expect(await counts(agent.token)).toEqual({
      [property.id]: { interested: 0, viewing_scheduled: 1, offer_made: 0, not_interested: 1 },
      [other.id]: { interested: 0, viewing_scheduled: 0, offer_made: 0, not_interested: 0 },
    });
  });

  it('lists the interested conversations with customer and number, the not interested last, an agent only their numbers’', async () => {
    const { t, admin, agent, property, mohammed, fatima, khalid } = await office();
    const forAdmin = await t.call('properties.interestedConversations', { id: property.id }, admin.token);
    expect(forAdmin.map((c) => [c.conversationId, c.interestStatus])).toEqual([
      [khalid, 'offer_made'],
      [mohammed, 'viewing_scheduled'],
      [fatima, 'not_interested'],
    ]);
    expect(forAdmin[1]).toMatchObject({ customerName: 'محمد أحمد', customerPhone: '+966501112233', numberName: 'المبيعات', conversationStatus: 'active', unreadCount: 2 });
    expect(forAdmin[2]).toMatchObject({ customerName: null, customerPhone: '+966502223344' });

    const forAgent = await t.call('properties.interestedConversations', { id: property.id }, agent.token);
    expect(forAgent.map((c) => c.conversationId)).toEqual([mohammed, fatima]);
    expect((await t.failure('properties.interestedConversations', { id: 999 }, agent.token)).code).toBe('NOT_FOUND');
  });

  it('deleting a property takes its interests with it and refreshes those conversations’ panels', async () => {
    const { t, admin, property, other, mohammed, fatima, khalid } = await office();
    t.events.length = 0;
    await t.call('properties.delete', { id: property.id }, admin.token);
    const refreshed = t.events.filter((e) => e.event === 'interests.changed').map((e) => (e.data as { conversationId: number }).conversationId);
    expect(refreshed.sort()).toEqual([mohammed, fatima, khalid].sort());
    expect(await t.call('conversations.interests', { conversationId: khalid }, admin.token)).toMatchObject([{ property: { id: other.id } }]);
    expect(t.core.database.sqlite.prepare('select count(*) as n from conversation_property_interests where property_id = ?').get(property.id)).toEqual({ n: 0 });
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
