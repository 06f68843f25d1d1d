import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, startTestCore } from '../../testing/test-core';
import type { DueViewing, DueViewingsProvider } from './due-viewings';

/** What the core's clock does to notifications: keeps them 90 days, and tells agents of viewings an hour ahead. */
const running: ReturnType<typeof startTestCore>[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((t) => t.close()));
});

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

async function office() {
  // 2026-11-25 09:00 UTC, noon in Riyadh.
  const clock = manualClock();
  // Sessions outlive the months these tests cover.
  const t = startTestCore({ clock, sessionPolicy: { idleMs: 365 * day, absoluteMs: 365 * day } });
  running.push(t);
  const admin = await t.setupAdmin();
  const sara = await t.createUser(admin.token, 'agent', 'sara@office.test');
  const titles = async () => (await t.call('notifications.list', {}, sara.token)).items.map((n) => n.params.title);
  const tell = (title: string) => t.call('notifications.create', { userIds: [sara.user.id], title }, admin.token);
  return { t, clock, admin, sara, titles, tell };
}

describe('notifications are kept 90 days', () => {
  it('at the office midnight after one turns 90 days old it is gone, and not before', async () => {
    const { clock, titles, tell, t, sara } = await office();
    await tell('old');
    clock.advance(2 * day);
    await tell('newer');
    // Riyadh: created at noon on 25 Nov; 90 days later is noon on 23 Feb.
    clock.advance(88 * day - 2 * hour); // 10:00 on 23 Feb, Riyadh: nothing is 90 days old yet
    expect(await titles()).toEqual(['newer', 'old']);
    clock.advance(13 * hour + 59 * minute); // 23:59 on 23 Feb: 'old' is past 90 days, but no office midnight has passed
    expect(await titles()).toEqual(['newer', 'old']);
    t.events.length = 0;
    clock.advance(2 * minute); // the office's midnight
    expect(await titles()).toEqual(['newer']);
    // Her windows hear the count change.
    const toSara = t.events.filter((e) => e.event === 'notifications.unread' && e.audience.kind === 'users' && e.audience.userIds.includes(sara.user.id));
    expect(toSara.map((e) => [e.data, e.audience])).toEqual([[{ unread: 1 }, { kind: 'users', userIds: [sara.user.id] }]]);
    clock.advance(2 * day);
    expect(await titles()).toEqual([]);
  });

  it('follows the office’s own time zone for its midnight', async () => {
    const { t, clock, titles, tell } = await office();
    t.core.database.sqlite.prepare("insert into settings (key, value) values ('office.timeZone', ?)").run(JSON.stringify('America/New_York'));
    await tell('old');
    // Hour by hour, so each midnight's pass runs at its own time.
    const advanceTo = (at: number) => {
      while (clock.now() < at) clock.advance(Math.min(hour, at - clock.now()));
    };
    // 90 days on is 23 Feb 09:00 UTC. Riyadh's midnight (21:00 UTC) passes: the office is in New York.
    advanceTo(Date.UTC(2027, 1, 23, 22, 0));
    expect(await titles()).toEqual(['old']);
    // New York's midnight is 05:00 UTC.
    advanceTo(Date.UTC(2027, 1, 24, 4, 59));
    expect(await titles()).toEqual(['old']);
    advanceTo(Date.UTC(2027, 1, 24, 5, 1));
    expect(await titles()).toEqual([]);
  });
});

/** The viewings feature's side, as its engineer will build it: viewings kept in memory here. */
function viewingsBook(viewings: DueViewing[]): DueViewingsProvider {
  return { startingBetween: (from, to) => viewings.filter((v) => v.startsAt >= from && v.startsAt < to) };
}

describe('a viewing in the next hour', () => {
  it('tells its agent once when it comes within the hour, and again when it is moved', async () => {
    const { t, clock, sara, admin } = await office();
    const viewing: DueViewing = { id: 7, agentId: sara.user.id, startsAt: clock.now() + 3 * hour, customer: 'محمد أحمد', property: 'فيلا الملقا' };
    t.core.watchDueViewings(viewingsBook([viewing]));
    const soon = async () => (await t.call('notifications.list', {}, sara.token)).items.filter((n) => n.type === 'viewing_soon');
    clock.advance(119 * minute);
    expect(await soon()).toEqual([]);
    clock.advance(2 * minute);
    expect(await soon()).toMatchObject([{ target: { kind: 'viewing', id: 7 }, params: { customer: 'محمد أحمد', property: 'فيلا الملقا', startsAt: new Date(viewing.startsAt).toISOString() } }]);
    clock.advance(30 * minute);
    expect(await soon()).toHaveLength(1);
    // Moved to later the same day: told again for its new time.
    viewing.startsAt = clock.now() + 2 * hour;
    clock.advance(61 * minute + 1);
    expect(await soon()).toHaveLength(2);
    expect((await t.call('notifications.list', {}, admin.token)).items.filter((n) => n.type === 'viewing_soon')).toEqual([]);
  });
});
