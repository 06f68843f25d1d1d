import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, startTestCore } from '../../testing/test-core';
import { seedDemoDeals } from './demo-deals';
import { seedDemoData } from './demo-seed';

// Wednesday 25 November 2026, 11:00 in Riyadh (08:00 UTC): the office is open until 13:00, and Thursday is a working day.
const wednesdayMorning = Date.UTC(2026, 10, 25, 8, 0);

type TestCore = ReturnType<typeof startTestCore>;
let t: TestCore;
afterEach(() => t.close());

async function demoOffice(now: number) {
  t = startTestCore({ clock: manualClock(now) });
  const { db, sqlite } = t.core.database;
  const seeded = (await seedDemoData(db, { dataDir: t.dataDir, now }))!;
  seedDemoDeals({ db, sqlite }, seeded, t.core.services, now);
  return { seeded, sqlite };
}

describe('the demo office’s viewings and offers', () => {
  it('has a viewing today and one the next working day, both within office hours, each moving its interest along', async () => {
    const { sqlite } = await demoOffice(wednesdayMorning);
    const viewings = sqlite
      .prepare(
        `select c.name as customer, p.name as property, v.status, v.start_at, v.outside_hours_reason from viewings v
         join contacts c on c.id = v.contact_id join properties p on p.id = v.property_id order by v.start_at`,
      )
      .all() as { customer: string; property: string; status: string; start_at: number; outside_hours_reason: string | null }[];
    const riyadh = (ms: number) => new Date(ms).toLocaleString('sv-SE', { timeZone: 'Asia/Riyadh' });
    expect(viewings.map((v) => [v.customer, v.property, v.status, v.outside_hours_reason])).toEqual([
      ['ماجد العمري', 'شقة ٤ غرف – حي النرجس', 'confirmed', null],
      ['أم فيصل', 'شقة للإيجار – حي الملقا', 'tentative', null],
    ]);
    expect(riyadh(viewings[0]!.start_at).slice(0, 10)).toBe('2026-11-25');
    expect(viewings[0]!.start_at).toBeGreaterThanOrEqual(wednesdayMorning);
    expect(riyadh(viewings[1]!.start_at)).toBe('2026-11-26 09:00:00');
    const interest = sqlite.prepare(
      `select i.status from conversation_property_interests i join conversations v on v.id = i.conversation_id join contacts c on c.id = v.contact_id
       join properties p on p.id = i.property_id where c.name = ? and p.name = ?`,
    );
    expect(interest.get('أم فيصل', 'شقة للإيجار – حي الملقا')).toEqual({ status: 'viewing_scheduled' });
  });

  it('gives the offer_made interest its offer, awaiting the office, and an accepted offer reserves the land', async () => {
    const { sqlite } = await demoOffice(wednesdayMorning);
    const offers = sqlite
      .prepare('select c.name as customer, p.name as property, p.status as propertyStatus, o.status, o.amount, o.awaiting from offers o join contacts c on c.id = o.contact_id join properties p on p.id = o.property_id order by o.id')
      .all();
    expect(offers).toEqual([
      { customer: 'عبدالرحمن الدوسري', property: 'شقة ٤ غرف – حي النرجس', propertyStatus: 'available', status: 'submitted', amount: 92_000_000, awaiting: 'office' },
      { customer: 'بدر المطيري', property: 'أرض سكنية – حي القيروان', propertyStatus: 'reserved', status: 'accepted', amount: 175_000_000, awaiting: null },
    ]);
    // Every property the catalogue shows reserved has the accepted offer behind it.
    expect(sqlite.prepare("select count(*) as n from properties p where status = 'reserved' and not exists (select 1 from offers o where o.property_id = p.id and o.status = 'accepted')").get()).toEqual({ n: 0 });
    expect(sqlite.prepare("select action from activity_log where action like 'viewing.%' or action like 'offer.%' order by id").all().map((r) => (r as { action: string }).action)).toEqual([
      'viewing.booked',
      'viewing.booked',
      'offer.created',
      'offer.created',
      'offer.accepted',
    ]);
  });

  it('books the first viewing at the next opening when the office has closed for the day', async () => {
    // Wednesday 22:00 in Riyadh: closed until Thursday 09:00.
    const { sqlite } = await demoOffice(Date.UTC(2026, 10, 25, 19, 0));
    const starts = (sqlite.prepare('select start_at from viewings order by start_at').all() as { start_at: number }[]).map((r) => new Date(r.start_at).toLocaleString('sv-SE', { timeZone: 'Asia/Riyadh' }));
    // Thursday 09:00, then Sunday 09:00 (Friday and Saturday are off).
    expect(starts).toEqual(['2026-11-26 09:00:00', '2026-11-29 09:00:00']);
  });
});
