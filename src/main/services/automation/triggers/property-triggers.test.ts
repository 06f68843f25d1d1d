import { afterEach, describe, expect, it } from 'vitest';
import { automationOffice, type AutomationOffice } from '../../../testing/automation-office';
import { eventually } from '../../../testing/test-core';

let office: AutomationOffice;
afterEach(async () => {
  await office?.t.close();
});

async function contactWith(phone: string, preferences: Record<string, unknown>) {
  const { t, admin, sqlite, customerWrites } = office;
  const { conversationId } = customerWrites(phone, 'أبحث عن عقار');
  const contactId = (sqlite.prepare('select contact_id as id from conversations where id = ?').get(conversationId) as { id: number }).id;
  const contact = await t.call('contacts.update', { id: contactId, preferences }, admin.token);
  return { conversationId, contactId, contact };
}

describe('property match', () => {
  it("a new property matching a contact's preferences arms for their conversation; one that does not, nothing", async () => {
    office = await automationOffice();
    const { t, admin, clock, addRule, jobs, settle, minutes } = office;
    const rule = addRule({ trigger: 'property_match', delayMinutes: 15 });
    const wants = await contactWith('966500000401', { budgetMin: '700,000', budgetMax: '900,000', city: 'الرياض', districts: ['الياسمين', 'النرجس'], propertyTypes: ['apartment'], bedrooms: 3 });
    expect(wants.contact.preferences).toEqual({ budgetMin: 70_000_000, budgetMax: 90_000_000, city: 'الرياض', districts: ['الياسمين', 'النرجس'], propertyTypes: ['apartment'], bedrooms: 3 });
    await contactWith('966500000402', { propertyTypes: ['villa'] });
    await contactWith('966500000403', {});

    const tooDear = await t.call('properties.create', { name: 'شقة فاخرة', type: 'apartment', price: '1,200,000', city: 'الرياض', district: 'الياسمين', bedrooms: 4 }, admin.token);
    const match = await t.call('properties.create', { name: 'شقة الياسمين', type: 'apartment', price: '850,000', city: 'الرياض', district: 'الياسمين', bedrooms: 3 }, admin.token);
    const createdAt = clock.now();
    await eventually(() => expect(jobs()).toHaveLength(1));
    settle();
    expect(jobs()).toEqual([
      expect.objectContaining({ trigger: 'property_match', property_id: match.id, contact_id: wants.contactId, conversation_id: wants.conversationId, due_at: createdAt + minutes(15), idempotency_key: `${rule.id}:property_match:p${match.id}:ct${wants.contactId}` }),
    ]);
    expect(jobs().some((j) => j.property_id === tooDear.id)).toBe(false);
  });

  it('a property made available again arms for new matches; a repeated change arms nothing new', async () => {
    office = await automationOffice();
    const { t, admin, addRule, jobs, settle } = office;
    addRule({ trigger: 'property_match', delayMinutes: 0 });
    const sold = await t.call('properties.create', { name: 'فيلا الملقا', type: 'villa', status: 'sold', price: '2,000,000' }, admin.token);
    const wants = await contactWith('966500000411', { propertyTypes: ['villa'], budgetMax: '2,500,000' });
    settle();
    expect(jobs()).toHaveLength(0);
    await t.call('properties.update', { id: sold.id, status: 'available' }, admin.token);
    await eventually(() => expect(jobs()).toEqual([expect.objectContaining({ property_id: sold.id, contact_id: wants.contactId })]));
    await t.call('properties.update', { id: sold.id, status: 'reserved' }, admin.token);
    await t.call('properties.update', { id: sold.id, status: 'available' }, admin.token);
    settle();
    expect(jobs()).toHaveLength(1);
  });

  it('refuses a budget whose maximum is below its minimum, and saves nothing', async () => {
    office = await automationOffice();
    const { t, admin, sqlite, customerWrites } = office;
    const { conversationId } = customerWrites('966500000421', 'مرحبا');
    const contactId = (sqlite.prepare('select contact_id as id from conversations where id = ?').get(conversationId) as { id: number }).id;
    const before = sqlite.prepare('select * from contacts where id = ?').get(contactId);
    const error = await t.failure('contacts.update', { id: contactId, preferences: { budgetMin: '900,000', budgetMax: '800,000' } }, admin.token);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: [expect.objectContaining({ field: 'preferences.budgetMax', code: 'below_min' })] });
    expect(sqlite.prepare('select * from contacts where id = ?').get(contactId)).toEqual(before);
  });
});

describe('price change', () => {
  it('changes within the delay collapse into one job carrying the latest price; not-interested contacts get nothing', async () => {
    office = await automationOffice();
    const { t, admin, clock, addRule, customerWrites, jobs, minutes, settle } = office;
    const rule = addRule({ trigger: 'price_change', delayMinutes: 60 });
    const property = await t.call('properties.create', { name: 'شقة العليا', type: 'apartment', price: '900,000' }, admin.token);
    const keen = customerWrites('966500000431', 'مهتم');
    const cold = customerWrites('966500000432', 'لا شكرًا');
    await t.call('conversations.setInterest', { conversationId: keen.conversationId, propertyId: property.id }, admin.token);
    await t.call('conversations.setInterest', { conversationId: cold.conversationId, propertyId: property.id, status: 'not_interested' }, admin.token);

    await t.call('properties.update', { id: property.id, price: '850,000' }, admin.token);
    const firstChange = clock.now();
    await eventually(() => expect(jobs()).toHaveLength(1));
    clock.advance(minutes(20));
    await t.call('properties.update', { id: property.id, price: '820,000' }, admin.token);
    await eventually(() => expect(JSON.parse(jobs()[0]!.context ?? '{}')).toMatchObject({ price: 82_000_000 }));
    settle();
    expect(jobs()).toEqual([expect.objectContaining({ rule_id: rule.id, conversation_id: keen.conversationId, property_id: property.id, status: 'pending', due_at: firstChange + minutes(60) })]);
    expect(JSON.parse(jobs()[0]!.context!)).toEqual({ oldPrice: 90_000_000, price: 82_000_000, changes: 2 });
  });

  it('a customer marked not interested afterwards loses the waiting price message (not_interested)', async () => {
    office = await automationOffice();
    const { t, admin, addRule, customerWrites, jobs } = office;
    addRule({ trigger: 'price_change', delayMinutes: 60 });
    const property = await t.call('properties.create', { name: 'دوبلكس الربيع', type: 'villa', price: '1,500,000' }, admin.token);
    const keen = customerWrites('966500000451', 'مهتم');
    await t.call('conversations.setInterest', { conversationId: keen.conversationId, propertyId: property.id }, admin.token);
    await t.call('properties.update', { id: property.id, price: '1,400,000' }, admin.token);
    await eventually(() => expect(jobs()).toHaveLength(1));
    await t.call('conversations.setInterest', { conversationId: keen.conversationId, propertyId: property.id, status: 'not_interested' }, admin.token);
    await eventually(() => expect(jobs().map((j) => [j.status, j.reason])).toEqual([['cancelled', 'not_interested']]));
  });

  it('a change after the message went out is a new job', async () => {
    office = await automationOffice();
    const { t, admin, addRule, customerWrites, jobs, markSent } = office;
    addRule({ trigger: 'price_change', delayMinutes: 60 });
    const property = await t.call('properties.create', { name: 'أرض الشمال', type: 'land', price: '500,000' }, admin.token);
    const keen = customerWrites('966500000441', 'مهتم');
    await t.call('conversations.setInterest', { conversationId: keen.conversationId, propertyId: property.id }, admin.token);
    await t.call('properties.update', { id: property.id, price: '480,000' }, admin.token);
    await eventually(() => expect(jobs()).toHaveLength(1));
    markSent(jobs()[0]!.id);
    await t.call('properties.update', { id: property.id, price: '450,000' }, admin.token);
    await eventually(() => expect(jobs().map((j) => j.status)).toEqual(['sent', 'pending']));
    expect(JSON.parse(jobs()[1]!.context!)).toMatchObject({ oldPrice: 48_000_000, price: 45_000_000 });
  });
});
