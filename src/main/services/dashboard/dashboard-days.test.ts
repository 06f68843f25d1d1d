import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../testing/test-core';
import { dashboardOffice, type DashboardOffice } from './dashboard-office';

/**
 * Days are cut at the office's midnight in the office's zone, whatever the computer's zone. New
 * York springs forward on 2026-03-08: that office day lasts 23 hours (05:00Z to 04:00Z next day).
 */
const offices: DashboardOffice[] = [];
const processZone = process.env.TZ;
afterEach(async () => {
  await Promise.all(offices.splice(0).map((o) => o.t.close()));
  if (processZone === undefined) delete process.env.TZ;
  else process.env.TZ = processZone;
});

/** Customers write at the edges of the short day; returns the range's buckets and the episodes' days. */
async function bucketsUnder(processTimeZone: string) {
  process.env.TZ = processTimeZone;
  const clock = manualClock(Date.UTC(2026, 2, 7, 12, 0));
  const o = await dashboardOffice(clock, { timeZone: 'America/New_York' });
  offices.push(o);
  const at = async (iso: string, phone: string) => {
    await o.after(Date.parse(iso) - clock.now());
    o.customerWrites(phone);
  };
  await at('2026-03-08T04:59:00Z', '15550000001'); // 23:59 on the 7th (EST)
  await at('2026-03-08T05:00:00Z', '15550000002'); // 00:00 on the 8th
  await at('2026-03-08T06:59:00Z', '15550000003'); // 01:59 EST, the minute before the jump
  await at('2026-03-08T07:00:00Z', '15550000004'); // 03:00 EDT
  await at('2026-03-09T03:59:00Z', '15550000005'); // 23:59 EDT, the short day's last minute
  await at('2026-03-09T04:00:00Z', '15550000006'); // 00:00 on the 9th
  const s = await o.t.call('dashboard.summary', { preset: 'custom', from: '2026-03-07', to: '2026-03-09' }, await o.signIn());
  // Settled episodes and open ones (on their conversations) alike.
  const days = o.sqlite
    .prepare<[], { start_day: string }>('select start_day, started_at from dashboard_episodes union all select open_start_day, open_started_at from conversations where open_started_at is not null order by 2')
    .all()
    .map((r) => r.start_day);
  return { byDay: s.charts.messagesByDay, days, range: s.range };
}

describe('the dashboard’s office days', () => {
  it('puts the 23-hour spring-forward day’s first and last minutes in it, and its neighbours’ outside', async () => {
    const { byDay, days, range } = await bucketsUnder('UTC');
    expect(range).toMatchObject({ from: '2026-03-07', to: '2026-03-09', timeZone: 'America/New_York', days: ['2026-03-07', '2026-03-08', '2026-03-09'] });
    expect(byDay).toEqual([
      { day: '2026-03-07', incoming: 1, outgoing: 0 },
      { day: '2026-03-08', incoming: 4, outgoing: 0 },
      { day: '2026-03-09', incoming: 1, outgoing: 0 },
    ]);
    expect(days).toEqual(['2026-03-07', '2026-03-08', '2026-03-08', '2026-03-08', '2026-03-08', '2026-03-09']);
  });

  it('cuts the same days when the computer runs in UTC, in New York or in Riyadh', async () => {
    const underUtc = await bucketsUnder('UTC');
    expect(await bucketsUnder('America/New_York')).toEqual(underUtc);
    expect(await bucketsUnder('Asia/Riyadh')).toEqual(underUtc);
  });
});

describe('the office day of each message as ingest keeps it', () => {
  it('puts a message a minute past the office’s midnight on the new day, and follows a change of zone at once', async () => {
    // Riyadh (the default zone) is UTC+3: its midnight is 21:00Z.
    const clock = manualClock(Date.UTC(2026, 10, 25, 20, 58));
    const o = await dashboardOffice(clock);
    offices.push(o);
    const at = async (iso: string, phone: string) => {
      await o.after(Date.parse(iso) - clock.now());
      o.customerWrites(phone);
    };
    await at('2026-11-25T20:59:00Z', '966500000001'); // 23:59 on the 25th
    await at('2026-11-25T21:00:00Z', '966500000002'); // 00:00 on the 26th
    await at('2026-11-25T21:01:00Z', '966500000003'); // 00:01 on the 26th
    // The zone changes under ingest (written straight to the settings, no recompute): the next
    // message, within the Riyadh day just seen, is cut by UTC's days.
    o.sqlite.prepare("insert into settings (key, value) values ('office.timeZone', ?) on conflict (key) do update set value = excluded.value").run(JSON.stringify('UTC'));
    await at('2026-11-25T21:02:00Z', '966500000004'); // 21:02 on the 25th in UTC

    const kept = o.kept();
    expect(kept.openEpisodes.map((e) => (e as { open_start_day: string }).open_start_day)).toEqual(['2026-11-25', '2026-11-26', '2026-11-26', '2026-11-25']);
    expect(kept.daily.map((d) => [(d as { day: string }).day, (d as { messages: number }).messages])).toEqual([
      ['2026-11-25', 2],
      ['2026-11-26', 2],
    ]);
  });
});
