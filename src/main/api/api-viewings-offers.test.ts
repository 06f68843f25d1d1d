import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiOffice, type ApiOffice } from '../testing/api-office';

/** Seed 000's bookings and offers through HTTP with a key: the contract's rules, seed 003's format. */
describe('viewings and offers over the REST API', () => {
  let o: ApiOffice;
  let admin: string;
  let salesAgent: string;
  beforeAll(async () => {
    o = await startApiOffice();
    admin = (await o.newKey(o.w.admin.token, ['read', 'manage'])).secret;
    // The Sales agent works the other number: the Rentals customer's viewing and offer are not theirs to see.
    salesAgent = (await o.newKey(o.w.admin.token, ['read', 'manage'], { ownerId: o.w.agent.user.id })).secret;
  });
  afterAll(() => o.close());

  it('lists a range of the calendar, gets a viewing and a conversation\'s viewings; another number\'s agent gets 404', async () => {
    const viewing = o.w.theirViewing;
    const month = await o.request('GET', `/viewings?span=month&anchor=${viewing.officeDate}`, { key: admin });
    expect(month.status).toBe(200);
    expect(month.body.meta).toMatchObject({ span: 'month', total: 1, timeZone: expect.any(String) });
    expect((month.body.data as { id: number }[]).map((v) => v.id)).toEqual([viewing.id]);
    expect((await o.request('GET', `/viewings/${viewing.id}`, { key: admin })).body.data).toMatchObject({ id: viewing.id, status: 'tentative', property: { name: 'شقة العليا' } });
    const ofConversation = await o.request('GET', `/conversations/${o.w.theirs.id}/viewings`, { key: admin });
    expect((ofConversation.body.data as { id: number }[]).map((v) => v.id)).toEqual([viewing.id]);

    expect((await o.request('GET', `/viewings/${viewing.id}`, { key: salesAgent })).status).toBe(404);
    expect((await o.request('GET', `/viewings?span=month&anchor=${viewing.officeDate}`, { key: salesAgent })).body.data).toEqual([]);
    expect((await o.request('GET', '/viewings/424242', { key: admin })).body.error).toMatchObject({ code: 'NOT_FOUND' });
    expect((await o.request('GET', '/viewings?span=year', { key: admin })).body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'span' }] });
  });

  it('books a viewing (201), refuses the same agent at the same time (409), changes its notes and status', async () => {
    const { slot } = await o.t.call('viewings.suggestSlot', { conversationId: o.w.theirs.id, agentId: o.w.rentalsAgent.user.id }, o.w.admin.token);
    const booking = { conversationId: o.w.theirs.id, propertyId: o.w.property.id, agentId: o.w.rentalsAgent.user.id, date: slot!.date, time: slot!.time };
    const booked = await o.request('POST', '/viewings', { key: admin, body: booking });
    expect(booked.status).toBe(201);
    expect(booked.body.data).toMatchObject({ status: 'tentative', officeDate: slot!.date, officeTime: slot!.time, agent: { id: o.w.rentalsAgent.user.id } });
    const id = (booked.body.data as { id: number }).id;

    const clash = await o.request('POST', '/viewings', { key: admin, body: booking });
    expect(clash.status).toBe(409);
    expect(clash.body.error).toMatchObject({ code: 'CONFLICT' });
    expect((await o.request('POST', '/viewings', { key: admin, body: { ...booking, time: '25:00' } })).body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'time' }] });
    // A Sales agent cannot book on a conversation of a number they do not work.
    const refused = await o.request('POST', '/viewings', { key: salesAgent, body: { ...booking, agentId: undefined } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN', details: 'number_not_allowed' });

    expect((await o.request('PATCH', `/viewings/${id}`, { key: admin, body: { notes: 'المفتاح عند الحارس' } })).body.data).toMatchObject({ id, notes: 'المفتاح عند الحارس' });
    expect((await o.request('POST', `/viewings/${id}/status`, { key: admin, body: { status: 'confirmed' } })).body.data).toMatchObject({ id, status: 'confirmed' });
    expect((await o.request('POST', `/viewings/${id}/status`, { key: admin, body: { status: 'lost' } })).body.error).toMatchObject({ code: 'VALIDATION_ERROR', details: [{ field: 'status' }] });
    expect((await o.request('POST', `/viewings/${id}/status`, { key: admin, body: { status: 'cancelled' } })).body.data).toMatchObject({ status: 'cancelled' });
    expect((await o.t.call('viewings.get', { id }, o.w.admin.token)).status).toBe('cancelled');
  });

  it('lists and gets offers, logs one (201), counters, accepts, refuses a second acceptance on the property (409), takes it back', async () => {
    const list = await o.request('GET', '/offers', { key: admin });
    expect(list.body.meta).toMatchObject({ hasNextPage: false, next: null });
    expect((list.body.data as { id: number }[]).map((x) => x.id)).toEqual([o.w.theirOffer.id]);
    expect((await o.request('GET', `/offers/${o.w.theirOffer.id}`, { key: admin })).body.data).toMatchObject({ id: o.w.theirOffer.id, history: expect.any(Array) });
    expect((await o.request('GET', `/offers/${o.w.theirOffer.id}`, { key: salesAgent })).status).toBe(404);
    expect((await o.request('GET', '/offers', { key: salesAgent })).body.data).toEqual([]);

    const logged = await o.request('POST', '/offers', { key: admin, body: { conversationId: o.w.theirs.id, propertyId: o.w.offerProperty.id, amount: '1,800,000', validUntil: '2099-06-30' } });
    expect(logged.status).toBe(201);
    expect(logged.body.data).toMatchObject({ status: 'submitted', amount: 180_000_000 });
    const id = (logged.body.data as { id: number }).id;
    expect((await o.request('GET', '/offers?limit=1', { key: admin })).body.meta).toMatchObject({ limit: 1, hasNextPage: true, next: id });
    expect(((await o.request('GET', `/offers?before=${id}`, { key: admin })).body.data as { id: number }[]).map((x) => x.id)).toEqual([o.w.theirOffer.id]);
    expect((await o.request('POST', '/offers', { key: admin, body: { conversationId: o.w.theirs.id, propertyId: o.w.offerProperty.id, amount: 'lots', validUntil: '2099-06-30' } })).body.error).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ field: 'amount' }],
    });

    expect((await o.request('POST', `/offers/${id}/counter`, { key: admin, body: { by: 'office', amount: '1,900,000' } })).body.data).toMatchObject({ status: 'countered', amount: 190_000_000 });
    expect((await o.request('POST', `/offers/${id}/accept`, { key: admin })).body.data).toMatchObject({ status: 'accepted' });
    const second = await o.request('POST', `/offers/${o.w.theirOffer.id}/accept`, { key: admin });
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'CONFLICT' });
    expect((await o.request('POST', `/offers/${id}/undo-acceptance`, { key: admin, body: { outcome: 'withdrawn' } })).body.data).toMatchObject({ status: 'withdrawn' });
    expect((await o.request('POST', `/offers/${o.w.theirOffer.id}/reject`, { key: admin })).body.data).toMatchObject({ status: 'rejected' });
    expect((await o.request('POST', '/offers/424242/withdraw', { key: admin })).status).toBe(404);
  });

  it('needs the manage scope to book or answer; a read key only reads', async () => {
    const reader = (await o.newKey(o.w.admin.token, ['read'])).secret;
    expect((await o.request('GET', '/offers', { key: reader })).status).toBe(200);
    expect((await o.request('POST', `/offers/${o.w.theirOffer.id}/withdraw`, { key: reader })).status).toBe(403);
    expect((await o.request('POST', `/viewings/${o.w.theirViewing.id}/status`, { key: reader, body: { status: 'confirmed' } })).status).toBe(403);
  });
});
