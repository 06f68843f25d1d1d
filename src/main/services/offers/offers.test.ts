import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offersOffice, offerTables } from '../../testing/offers-office';

// One office for the file (its users' password hashes are slow); each test gets properties of its own.
let office: Awaited<ReturnType<typeof offersOffice>>;
beforeAll(async () => {
  office = await offersOffice();
}, 60_000);
afterAll(() => office.t.close());

let seq = 0;
async function setUp() {
  seq++;
  const villa = await office.t.call('properties.create', { name: `فيلا ${seq}`, type: 'villa', price: 2_500_000 }, office.admin.token);
  const flat = await office.t.call('properties.create', { name: `شقة ${seq}`, type: 'apartment', price: 900_000 }, office.admin.token);
  office.t.events.length = 0;
  return { ...office, villa, flat };
}

const interestOf = async (o: Awaited<ReturnType<typeof setUp>>, conversationId: number, propertyId: number) =>
  (await o.t.call('conversations.interests', { conversationId }, o.admin.token)).find((i) => i.property.id === propertyId)?.status;

describe('logging an offer', () => {
  it('records the customer’s amount in halalas, starts its history and marks the conversation’s interest offer_made (creating it)', async () => {
    const o = await setUp();
    expect(await interestOf(o, o.khalid, o.villa.id)).toBeUndefined();
    const offer = await o.t.call('offers.create', { conversationId: o.khalid, propertyId: o.villa.id, amount: '2,300,000.5', terms: 'دفعة أولى ٣٠٪', validUntil: '2026-12-20' }, o.agent.token);
    expect(offer).toMatchObject({ status: 'submitted', amount: 230_000_050, firstAmount: 230_000_050, awaiting: 'office', terms: 'دفعة أولى ٣٠٪', customerName: 'خالد', propertyName: o.villa.name });
    expect(offer.history).toEqual([expect.objectContaining({ status: 'submitted', by: 'customer', amount: 230_000_050, userId: o.agent.user.id })]);
    expect(await interestOf(o, o.khalid, o.villa.id)).toBe('offer_made');
    expect(o.t.events.filter((e) => e.event === 'offers.needsAnswer').map((e) => e.data)).toEqual([
      { offerId: offer.id, conversationId: o.khalid, propertyId: o.villa.id, numberId: o.sales.id, amount: 230_000_050 },
    ]);
  });

  it('accepts Arabic-Indic digits and moves an existing interest to offer_made', async () => {
    const o = await setUp();
    await o.t.call('conversations.setInterest', { conversationId: o.khalid, propertyId: o.villa.id, status: 'viewing_scheduled' }, o.agent.token);
    const offer = await o.t.call('offers.create', { conversationId: o.khalid, propertyId: o.villa.id, amount: '٢٬٣٠٠٬٠٠٠', validUntil: '2026-12-10' }, o.agent.token);
    expect(offer.amount).toBe(230_000_000);
    expect(await interestOf(o, o.khalid, o.villa.id)).toBe('offer_made');
  });
});

describe('countering', () => {
  it('keeps every step, flips whose answer is awaited, and asks for an answer only when the customer moved', async () => {
    const o = await setUp();
    const offer = await o.t.call('offers.create', { conversationId: o.khalid, propertyId: o.villa.id, amount: '2,000,000', validUntil: '2026-12-20' }, o.agent.token);
    const needs = () => o.t.events.filter((e) => e.event === 'offers.needsAnswer').length;
    const office = await o.t.call('offers.counter', { id: offer.id, by: 'office', amount: '2,400,000', terms: 'كاش' }, o.agent.token);
    expect(office).toMatchObject({ status: 'countered', amount: 240_000_000, awaiting: 'customer', terms: 'كاش', firstAmount: 200_000_000 });
    expect(needs()).toBe(1);
    const customer = await o.t.call('offers.counter', { id: offer.id, by: 'customer', amount: '2,200,000', validUntil: '2026-12-24' }, o.agent.token);
    expect(customer).toMatchObject({ status: 'countered', amount: 220_000_000, awaiting: 'office', terms: 'كاش', validUntil: '2026-12-24' });
    expect(needs()).toBe(2);
    expect(customer.history.map((s) => [s.status, s.by, s.amount])).toEqual([
      ['submitted', 'customer', 200_000_000],
      ['countered', 'office', 240_000_000],
      ['countered', 'customer', 220_000_000],
    ]);
  });
});

describe('one accepted offer per property', () => {
  it('accepting reserves the property; a second acceptance is CONFLICT naming the accepted offer', async () => {
    const o = await setUp();
    const first = await o.t.call('offers.create', { conversationId: o.khalid, propertyId: o.villa.id, amount: '2,300,000', validUntil: '2026-12-20' }, o.agent.token);
    const second = await o.t.call('offers.create', { conversationId: o.sara, propertyId: o.villa.id, amount: '2,350,000', validUntil: '2026-12-20' }, o.agent.token);
    const accepted = await o.t.call('offers.accept', { id: first.id }, o.agent.token);
    expect(accepted).toMatchObject({ status: 'accepted', awaiting: null });
    expect(accepted.history.at(-1)).toMatchObject({ status: 'accepted', by: 'office', amount: 230_000_000 });
    expect((await o.t.call('properties.list', {}, o.agent.token)).find((p) => p.id === o.villa.id)?.status).toBe('reserved');
    expect(o.t.events.some((e) => e.event === 'properties.changed' && (e.data as { propertyId: number }).propertyId === o.villa.id)).toBe(true);

    const before = offerTables(o.t);
    const error = await o.t.failure('offers.accept', { id: second.id }, o.admin.token);
    expect(error).toMatchObject({ code: 'CONFLICT', details: [{ field: 'propertyId', code: 'offer_already_accepted', params: { offerId: first.id, customer: 'خالد' } }] });
    expect(error.message).toContain(`#${first.id}`);
    expect(offerTables(o.t)).toEqual(before);
    // The other offer stays open: it can still be answered, just not accepted.
    expect((await o.t.call('offers.get', { id: second.id }, o.agent.token)).status).toBe('submitted');
  });

  it('lets exactly one of two acceptances made at the same moment land', async () => {
    const o = await setUp();
    const a = await o.t.call('offers.create', { conversationId: o.khalid, propertyId: o.villa.id, amount: '2,300,000', validUntil: '2026-12-20' }, o.agent.token);
    const b = await o.t.call('offers.create', { conversationId: o.sara, propertyId: o.villa.id, amount: '2,350,000', validUntil: '2026-12-20' }, o.agent.token);
    const results = await Promise.all([
      o.t.core.router.call('offers.accept', { id: a.id }, { clientKey: 'one', token: o.agent.token }),
      o.t.core.router.call('offers.accept', { id: b.id }, { clientKey: 'two', token: o.supervisor.token }),
    ]);
    const landed = results.filter((r) => r.result.success);
    const refused = results.filter((r) => !r.result.success);
    expect(landed).toHaveLength(1);
    expect(refused.map((r) => !r.result.success && r.result.error.code)).toEqual(['CONFLICT']);
    const accepted = o.t.core.database.sqlite.prepare("select id from offers where property_id = ? and status = 'accepted'").all(o.villa.id);
    expect(accepted).toHaveLength(1);
  });

  it('holds in the database too: a second accepted row for the property is refused by the index', async () => {
    const o = await setUp();
    const a = await o.t.call('offers.create', { conversationId: o.khalid, propertyId: o.villa.id, amount: '2,300,000', validUntil: '2026-12-20' }, o.agent.token);
    const b = await o.t.call('offers.create', { conversationId: o.sara, propertyId: o.villa.id, amount: '2,350,000', validUntil: '2026-12-20' }, o.agent.token);
    await o.t.call('offers.accept', { id: a.id }, o.agent.token);
    expect(() => o.t.core.database.sqlite.prepare("update offers set status = 'accepted' where id = ?").run(b.id)).toThrow(/UNIQUE/);
  });

  it('an offer on a sold property cannot be accepted', async () => {
    const o = await setUp();
    const offer = await o.t.call('offers.create', { conversationId: o.khalid, propertyId: o.villa.id, amount: '2,300,000', validUntil: '2026-12-20' }, o.agent.token);
    await o.t.call('properties.update', { id: o.villa.id, status: 'sold' }, o.admin.token);
    const before = offerTables(o.t);
    expect(await o.t.failure('offers.accept', { id: offer.id }, o.agent.token)).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: 'property_unavailable' });
    expect(offerTables(o.t)).toEqual(before);
  });
});

describe('taking an acceptance back', () => {
  it('is refused to an agent (rejecting or withdrawing an accepted offer, and at the router), and done by a supervisor: the property is available again', async () => {
    const o = await setUp();
    const offer = await o.t.call('offers.create', { conversationId: o.khalid, propertyId: o.villa.id, amount: '2,300,000', validUntil: '2026-12-20' }, o.agent.token);
    await o.t.call('offers.accept', { id: offer.id }, o.agent.token);
    const before = offerTables(o.t);
    expect(await o.t.failure('offers.reject', { id: offer.id }, o.agent.token)).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: 'offer_accepted' });
    expect(await o.t.failure('offers.withdraw', { id: offer.id }, o.agent.token)).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: 'offer_accepted' });
    expect(await o.t.failure('offers.undoAcceptance', { id: offer.id, outcome: 'withdrawn' }, o.agent.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(offerTables(o.t)).toEqual(before);

    const undone = await o.t.call('offers.undoAcceptance', { id: offer.id, outcome: 'withdrawn' }, o.supervisor.token);
    expect(undone.status).toBe('withdrawn');
    expect(undone.history.map((s) => s.status)).toEqual(['submitted', 'accepted', 'withdrawn']);
    expect((await o.t.call('properties.list', {}, o.agent.token)).find((p) => p.id === o.villa.id)?.status).toBe('available');
    expect(await interestOf(o, o.khalid, o.villa.id)).toBe('interested');
    // Another offer on the villa can now be accepted.
    const next = await o.t.call('offers.create', { conversationId: o.sara, propertyId: o.villa.id, amount: '2,400,000', validUntil: '2026-12-20' }, o.agent.token);
    expect((await o.t.call('offers.accept', { id: next.id }, o.agent.token)).status).toBe('accepted');
  });
});

describe('the interest follows the offers', () => {
  it('stays offer_made while an offer is open or accepted, and goes back to interested once none is', async () => {
    const o = await setUp();
    const one = await o.t.call('offers.create', { conversationId: o.khalid, propertyId: o.villa.id, amount: '2,000,000', validUntil: '2026-12-20' }, o.agent.token);
    const two = await o.t.call('offers.create', { conversationId: o.khalid, propertyId: o.villa.id, amount: '2,100,000', validUntil: '2026-12-20' }, o.agent.token);
    await o.t.call('offers.withdraw', { id: one.id }, o.agent.token);
    expect(await interestOf(o, o.khalid, o.villa.id)).toBe('offer_made');
    await o.t.call('offers.reject', { id: two.id }, o.agent.token);
    expect(await interestOf(o, o.khalid, o.villa.id)).toBe('interested');
  });

  it('leaves an interest someone set otherwise meanwhile', async () => {
    const o = await setUp();
    const offer = await o.t.call('offers.create', { conversationId: o.khalid, propertyId: o.villa.id, amount: '2,000,000', validUntil: '2026-12-20' }, o.agent.token);
    await o.t.call('conversations.setInterest', { conversationId: o.khalid, propertyId: o.villa.id, status: 'not_interested' }, o.agent.token);
    await o.t.call('offers.withdraw', { id: offer.id }, o.agent.token);
    expect(await interestOf(o, o.khalid, o.villa.id)).toBe('not_interested');
  });
});

describe('refusals write nothing', () => {
  it.each([
    ['an amount in shorthand', { amount: '1.5m' }, 'amount', 'invalid'],
    ['more than two decimals', { amount: '1,000.505' }, 'amount', 'invalid'],
    ['a negative amount', { amount: '-5' }, 'amount', 'min_value'],
    ['over 10^12 halalas', { amount: '10,000,000,001' }, 'amount', 'max_value'],
    ['a last day already past in the office', { validUntil: '2026-12-09' }, 'validUntil', 'date_past'],
    ['a day that does not exist', { validUntil: '2026-02-30' }, 'validUntil', 'invalid'],
  ])('%s', async (_label, change, field, code) => {
    const o = await setUp();
    const before = offerTables(o.t);
    const error = await o.t.failure('offers.create', { conversationId: o.khalid, propertyId: o.villa.id, amount: '2,000,000', validUntil: '2026-12-20', ...change }, o.agent.token);
    expect(error).toMatchObject({ code: 'VALIDATION_ERROR', details: [expect.objectContaining({ field, code })] });
    expect(offerTables(o.t)).toEqual(before);
  });

  it('an unknown property, an answered offer, one past its last day before the expiry ran', async () => {
    const o = await setUp();
    const offer = await o.t.call('offers.create', { conversationId: o.khalid, propertyId: o.villa.id, amount: '2,000,000', validUntil: '2026-12-20' }, o.agent.token);
    await o.t.call('offers.reject', { id: offer.id }, o.agent.token);
    const late = await o.t.call('offers.create', { conversationId: o.sara, propertyId: o.flat.id, amount: '800,000', validUntil: '2026-12-10' }, o.agent.token);
    // The expiry wake is cancelled so the offer is still open when its last day is over.
    o.t.core.database.sqlite.prepare("update offers set valid_until = '2026-12-09' where id = ?").run(late.id);
    const before = offerTables(o.t);
    expect(await o.t.failure('offers.create', { conversationId: o.khalid, propertyId: 9999, amount: '1', validUntil: '2026-12-20' }, o.agent.token)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await o.t.failure('offers.accept', { id: offer.id }, o.agent.token)).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: 'offer_not_open' });
    expect(await o.t.failure('offers.counter', { id: offer.id, by: 'office', amount: '1' }, o.agent.token)).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: 'offer_not_open' });
    expect(await o.t.failure('offers.accept', { id: late.id }, o.agent.token)).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: 'offer_expired' });
    expect(await o.t.failure('offers.counter', { id: late.id, by: 'office', amount: '1', validUntil: '2026-12-01' }, o.agent.token)).toMatchObject({ code: 'UNPROCESSABLE_ENTITY' });
    expect(offerTables(o.t)).toEqual(before);
  });
});

describe('who sees which offers', () => {
  it('an agent works offers on their numbers only: others are not found, and their list holds only their own', async () => {
    const o = await setUp();
    const mine = await o.t.call('offers.create', { conversationId: o.khalid, propertyId: o.villa.id, amount: '2,000,000', validUntil: '2026-12-20' }, o.agent.token);
    const theirs = await o.t.call('offers.create', { conversationId: o.rentalsCustomer, propertyId: o.flat.id, amount: '850,000', validUntil: '2026-12-20' }, o.otherAgent.token);
    const before = offerTables(o.t);
    for (const channel of ['offers.get', 'offers.accept', 'offers.reject', 'offers.withdraw'] as const) {
      expect(await o.t.failure(channel, { id: theirs.id }, o.agent.token), channel).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(await o.t.failure('offers.counter', { id: theirs.id, by: 'office', amount: '1' }, o.agent.token)).toMatchObject({ code: 'NOT_FOUND' });
    expect(await o.t.failure('offers.create', { conversationId: o.rentalsCustomer, propertyId: o.villa.id, amount: '1', validUntil: '2026-12-20' }, o.agent.token)).toMatchObject({
      code: 'FORBIDDEN',
      details: 'number_not_allowed',
    });
    expect(offerTables(o.t)).toEqual(before);
    const listed = (await o.t.call('offers.list', { limit: 200 }, o.agent.token)).data;
    expect(listed.map((x) => x.id)).toContain(mine.id);
    expect(listed.every((x) => x.numberId === o.sales.id)).toBe(true);
    expect((await o.t.call('offers.list', { limit: 200 }, o.supervisor.token)).data.map((x) => x.id)).toEqual(expect.arrayContaining([theirs.id, mine.id]));
  });

  it('lists newest first in pages, filtered by status, property and who logged it', async () => {
    const o = await setUp();
    const made = [];
    for (let i = 0; i < 5; i++) {
      made.push(await o.t.call('offers.create', { conversationId: i % 2 ? o.sara : o.khalid, propertyId: o.villa.id, amount: String(1_000_000 + i), validUntil: '2026-12-20' }, i === 4 ? o.admin.token : o.agent.token));
    }
    await o.t.call('offers.reject', { id: made[1]!.id }, o.agent.token);
    const villa = { propertyId: o.villa.id };
    const first = await o.t.call('offers.list', { ...villa, limit: 2 }, o.admin.token);
    expect(first.data.map((x) => x.id)).toEqual([made[4]!.id, made[3]!.id]);
    const second = await o.t.call('offers.list', { ...villa, limit: 2, before: first.nextCursor! }, o.admin.token);
    expect(second.data.map((x) => x.id)).toEqual([made[2]!.id, made[1]!.id]);
    const last = await o.t.call('offers.list', { ...villa, limit: 2, before: second.nextCursor! }, o.admin.token);
    expect(last).toEqual({ data: [expect.objectContaining({ id: made[0]!.id })], nextCursor: null });
    expect((await o.t.call('offers.list', { ...villa, status: 'rejected' }, o.admin.token)).data.map((x) => x.id)).toEqual([made[1]!.id]);
    expect((await o.t.call('offers.list', { ...villa, agentId: o.admin.user.id }, o.admin.token)).data.map((x) => x.id)).toEqual([made[4]!.id]);
    expect((await o.t.call('offers.list', { propertyId: o.flat.id }, o.admin.token)).data).toEqual([]);
  });
});
