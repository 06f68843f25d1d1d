import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../../testing/test-core';
import { twoNumbersOffice } from '../../testing/two-numbers-office';

type TestCore = ReturnType<typeof startTestCore>;
let t: TestCore;
afterEach(() => t.close());

/** The office's work reaches those who must act: a viewing booked for an agent, an offer awaiting an answer. */
describe('notifications from viewings and offers', () => {
  it('tell an agent of a viewing someone else booked for them, and the number’s team of a customer’s offer; nobody else', async () => {
    t = startTestCore();
    const office = await twoNumbersOffice(t); // the admin books a viewing for the Rentals agent and logs a customer's offer there
    const types = async (token: string) => (await t.call('notifications.list', {}, token)).items.map((n) => `${n.type}:${n.target?.kind}:${n.target?.id}`);

    const rentals = await types(office.rentalsAgent.token);
    expect(rentals).toContain(`viewing_booked:viewing:${office.theirViewing.id}`);
    expect(rentals).toContain(`offer_pending:offer:${office.theirOffer.id}`);
    const viewingNote = (await t.call('notifications.list', {}, office.rentalsAgent.token)).items.find((n) => n.type === 'viewing_booked')!;
    expect(viewingNote.params).toMatchObject({ by: office.admin.user.name, property: office.property.name, startsAt: office.theirViewing.start });

    const sales = await types(office.agent.token);
    expect(sales.filter((n) => n.startsWith('viewing_booked') || n.startsWith('offer_pending'))).toEqual([]);
  });

  it('do not tell agents of viewings they booked themselves', async () => {
    t = startTestCore();
    const office = await twoNumbersOffice(t);
    const { slot } = await t.call('viewings.suggestSlot', { conversationId: office.mine.id, agentId: office.agent.user.id }, office.agent.token);
    await t.call('viewings.book', { conversationId: office.mine.id, propertyId: office.property.id, agentId: office.agent.user.id, date: slot!.date, time: slot!.time }, office.agent.token);
    const items = (await t.call('notifications.list', {}, office.agent.token)).items;
    expect(items.filter((n) => n.type === 'viewing_booked')).toEqual([]);
  });
});
