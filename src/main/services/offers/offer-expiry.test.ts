import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, startTestCore } from '../../testing/test-core';
import { offersOffice } from '../../testing/offers-office';

/**
 * The office is in Los Angeles (UTC−8 in December), not Riyadh: an offer valid until
 * 2026-12-11 expires at 2026-12-12 00:00 there, which is 08:00 UTC (in Riyadh's zone it would
 * have been 21:00 UTC the day before). Run under TZ=America/New_York too: the answer is the same.
 */
const zone = 'America/Los_Angeles';
const midnightAfter = Date.UTC(2026, 11, 12, 8, 0);

const opened: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});

async function officeWithOffer() {
  const o = await offersOffice({ clock: manualClock(Date.UTC(2026, 11, 10, 20, 0)), timeZone: zone });
  opened.push(o.t);
  const offer = await o.t.call('offers.create', { conversationId: o.khalid, propertyId: o.villa.id, amount: '2,300,000', validUntil: '2026-12-11' }, o.agent.token);
  return { ...o, offer };
}

const statusOf = (t: ReturnType<typeof startTestCore>, id: number) => t.core.database.sqlite.prepare<[number], { status: string }>('select status from offers where id = ?').get(id)?.status;

describe('an offer expires at the office’s midnight after its last day', () => {
  it('stands until the last millisecond of its last day in the office’s zone, and expires at midnight exactly', async () => {
    const o = await officeWithOffer();
    o.clock.advance(midnightAfter - 1 - o.clock.now());
    expect(statusOf(o.t, o.offer.id)).toBe('submitted');
    const changes = () => o.t.events.filter((e) => e.event === 'offers.changed').length;
    const before = changes();
    o.clock.advance(1);
    expect(statusOf(o.t, o.offer.id)).toBe('expired');
    const detail = await o.t.call('offers.get', { id: o.offer.id }, o.agent.token);
    expect(detail.history.at(-1)).toMatchObject({ status: 'expired', by: 'office', userId: null, createdAt: new Date(midnightAfter).toISOString() });
    expect(changes()).toBe(before + 1);
    expect(o.t.events.filter((e) => e.event === 'offers.changed').at(-1)?.data).toMatchObject({ offerId: o.offer.id });
    // Its conversation's interest goes back to interested: no offer is on the table any more.
    expect((await o.t.call('conversations.interests', { conversationId: o.khalid }, o.agent.token))[0]?.status).toBe('interested');
  });

  it('follows a counter that moved the last day', async () => {
    const o = await officeWithOffer();
    await o.t.call('offers.counter', { id: o.offer.id, by: 'office', amount: '2,400,000', validUntil: '2026-12-13' }, o.agent.token);
    o.clock.advance(midnightAfter - o.clock.now());
    expect(statusOf(o.t, o.offer.id)).toBe('countered');
    o.clock.advance(2 * 24 * 60 * 60_000);
    expect(statusOf(o.t, o.offer.id)).toBe('expired');
  });

  it('leaves accepted offers alone', async () => {
    const o = await officeWithOffer();
    await o.t.call('offers.accept', { id: o.offer.id }, o.agent.token);
    o.clock.advance(midnightAfter + 60_000 - o.clock.now());
    expect(statusOf(o.t, o.offer.id)).toBe('accepted');
  });

  it('expires at start what came due while the app was closed', async () => {
    const o = await officeWithOffer();
    await o.t.close();
    opened.splice(0);
    const later = startTestCore({ dataDir: o.t.dataDir, clock: manualClock(midnightAfter + 3 * 60 * 60_000) });
    opened.push(later);
    expect(statusOf(later, o.offer.id)).toBe('expired');
  });

  it('waits again after a restart before the midnight, and expires at it', async () => {
    const o = await officeWithOffer();
    await o.t.close();
    opened.splice(0);
    const clock = manualClock(midnightAfter - 60 * 60_000);
    const later = startTestCore({ dataDir: o.t.dataDir, clock });
    opened.push(later);
    expect(statusOf(later, o.offer.id)).toBe('submitted');
    expect(clock.nextWake()).toBe(midnightAfter);
    clock.advance(60 * 60_000);
    expect(statusOf(later, o.offer.id)).toBe('expired');
  });
});
