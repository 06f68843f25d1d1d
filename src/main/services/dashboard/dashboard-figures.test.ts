import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../testing/test-core';
import { dashboardOffice, minutes, type DashboardOffice } from './dashboard-office';

/**
 * Issue 17's definitions on a hand-built day with known answers. The office is in Riyadh with its
 * default week (Sunday–Thursday, 09:00–13:00 and 16:30–21:00); the day is Wednesday 2026-11-25 and
 * the clock starts at 12:00 Riyadh time (09:00 UTC).
 */
const offices: DashboardOffice[] = [];
afterEach(async () => {
  await Promise.all(offices.splice(0).map((o) => o.t.close()));
});

async function builtDay() {
  const clock = manualClock(Date.UTC(2026, 10, 25, 9, 0));
  const o = await dashboardOffice(clock);
  offices.push(o);
  const { t, admin } = o;
  const office = await t.call('office.get', {}, admin.token);
  await t.call('office.update', { hours: { ...office.hours, responseTargetMinutes: 15 } }, admin.token);

  // 12:00 A writes; the admin answers in the app five minutes later.
  const a = o.customerWrites('966500000001');
  await o.after(minutes(5));
  await o.agentAnswers(a);
  // 12:10 B writes, and again at 12:15; the AI answers at once and an automation rule too; a person at 12:30.
  await o.after(minutes(5));
  const b = o.customerWrites('966500000002');
  await o.notAPerson(b, 'ai');
  await o.notAPerson(b, 'system');
  await o.after(minutes(5));
  o.customerWrites('966500000002');
  // 12:20 D writes and only the AI answers: no person ever does.
  await o.after(minutes(5));
  const d = o.customerWrites('966500000004');
  await o.notAPerson(d, 'ai');
  await o.after(minutes(10));
  await o.agentAnswers(b);
  // 12:50 C writes; someone answers on the phone at 16:40, after the midday break.
  await o.after(minutes(20));
  o.customerWrites('966500000003');
  await o.after(minutes(230));
  o.typedOnPhone('966500000003');
  // 17:00 A is resolved; 17:10 A writes again (a new episode), answered a minute later.
  await o.after(minutes(20));
  await t.call('conversations.update', { id: a, status: 'resolved' }, admin.token);
  await o.after(minutes(10));
  o.customerWrites('966500000001');
  await o.after(minutes(1));
  await o.agentAnswers(a);
  return { o, a, b, d };
}

describe('the dashboard’s figures on a day with known answers', () => {
  it('counts an episode per first message and per message after resolving, and times the first reply by a person only', async () => {
    const { o } = await builtDay();
    const s = await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token);
    expect(s.range).toMatchObject({ from: '2026-11-25', to: '2026-11-25', timeZone: 'Asia/Riyadh' });
    expect(s.stats).toMatchObject({ episodes: 5, totalConversations: 4, activeContacts: 4, incoming: 6, outgoing: 7, totalMessages: 13 });
    // Replies after 5, 20, 230 and 1 minutes; in office hours 5, 20, 20 (10 before the break, 10 after) and 1.
    expect(s.firstResponse.total).toEqual({
      answered: 4,
      medianMs: minutes(5),
      p90Ms: minutes(230),
      officeMedianMs: minutes(5),
      officeP90Ms: minutes(20),
      avgResponseTime: ((1 + 5 + 20 + 230) * 60) / 4,
    });
    expect(s.stats.avgResponseTime).toBe(3840);
  });

  it('counts a reply typed on the phone as a person’s, apart from the agents who answered in the app', async () => {
    const { o } = await builtDay();
    const s = await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token);
    expect(s.firstResponse.byAgent.map((r) => [r.agentId, r.answered, r.medianMs, r.p90Ms])).toEqual([
      [o.admin.user.id, 3, minutes(5), minutes(20)],
      [null, 1, minutes(230), minutes(230)],
    ]);
  });

  it('rates answers within the office’s target against every episode started, AI-only ones included', async () => {
    const { o } = await builtDay();
    const s = await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token);
    expect(s.targetMinutes).toBe(15);
    expect(s.stats).toMatchObject({ answeredWithinTarget: 2, responseRate: 40 });
    expect(s.teamPerformance).toEqual([{ name: 'responseRate', current: 2, target: 5, percentage: 40 }]);
  });

  it('lists the conversation only the AI answered as waiting, and the figures open the episodes behind them', async () => {
    const { o, a, d } = await builtDay();
    const s = await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token);
    expect(s.waiting.count).toBe(1);
    expect(s.waiting.longest.map((w) => w.conversationId)).toEqual([d]);
    const query = { preset: 'today' as const };
    const drill = (figure: 'episodes' | 'answered' | 'withinTarget' | 'waiting' | 'unanswered', repliedBy?: number) =>
      o.t.call('dashboard.drillDown', { query, figure, ...(repliedBy ? { repliedBy } : {}) }, o.admin.token);
    expect((await drill('episodes')).total).toBe(s.stats.episodes);
    expect((await drill('answered')).total).toBe(s.firstResponse.total.answered);
    const within = await drill('withinTarget');
    expect(within.total).toBe(s.stats.answeredWithinTarget);
    expect(within.rows.map((r) => r.conversationId)).toEqual([a, a]);
    expect((await drill('waiting')).rows.map((r) => r.conversationId)).toEqual([d]);
    expect((await drill('unanswered')).rows.map((r) => r.conversationId)).toEqual([d]);
    expect((await drill('answered', o.admin.user.id)).total).toBe(3);
  });

  it('keeps the charts, the cards and the message types in agreement', async () => {
    const { o } = await builtDay();
    const s = await o.t.call('dashboard.summary', { preset: '7d' }, o.admin.token);
    expect(s.charts.messagesByDay).toHaveLength(7);
    expect(s.charts.messagesByDay.at(-1)).toEqual({ day: '2026-11-25', incoming: 6, outgoing: 7 });
    expect(s.charts.messagesByDay.reduce((n, d) => n + d.incoming + d.outgoing, 0)).toBe(s.stats.totalMessages);
    expect(s.charts.messageTypes).toEqual([{ type: 'text', value: 13 }]);
  });

  it('rebuilt from the raw rows, gives exactly the figures kept as the messages came', async () => {
    const { o } = await builtDay();
    const kept = o.kept();
    // Episodes are numbered afresh by a rebuild; everything else is the same.
    const summary = async () => {
      const s = await o.t.call('dashboard.summary', { preset: '30d' }, o.admin.token);
      return { ...s, waiting: { ...s.waiting, longest: s.waiting.longest.map(({ episodeId: _, ...w }) => w) } };
    };
    const before = await summary();
    expect(await o.t.call('dashboard.rebuild', {}, o.admin.token)).toEqual({ episodes: 5 });
    expect(o.kept()).toEqual(kept);
    expect(await summary()).toEqual(before);
  });

  it('counts the funnel from each episode’s start: interest, a viewing booked, an offer, and a won deal', async () => {
    const { o, a, b } = await builtDay();
    const { t, admin } = o;
    const villa = await t.call('properties.create', { name: 'فيلا الملقا', type: 'villa', price: 2_500_000 }, admin.token);
    await t.call('conversations.setInterest', { conversationId: b, propertyId: villa.id }, admin.token);
    const offer = await t.call('offers.create', { conversationId: b, propertyId: villa.id, amount: '2,400,000', validUntil: '2026-12-31' }, admin.token);
    await t.call('offers.accept', { id: offer.id }, admin.token);
    const { slot } = await t.call('viewings.suggestSlot', { conversationId: a, agentId: admin.user.id }, admin.token);
    await t.call('viewings.book', { conversationId: a, propertyId: villa.id, agentId: admin.user.id, date: slot!.date, time: slot!.time }, admin.token);
    const s = await t.call('dashboard.summary', { preset: 'today' }, admin.token);
    // Booking A's viewing made A interested too; both of A's episodes started before it. B's interest, offer and acceptance came after B's one.
    expect(s.funnel).toEqual({ inquiries: 5, interested: 3, viewingBooked: 2, viewingDone: 0, offer: 1, won: 1 });
    expect(s.viewings.next7Days.map((v) => v.customer)).toEqual(['عميل 01']);
    const won = await t.call('dashboard.drillDown', { query: { preset: 'today' }, figure: 'won' }, admin.token);
    expect(won.rows.map((r) => r.conversationId)).toEqual([b]);
  });
});
