import { afterEach, describe, expect, it } from 'vitest';
import { manualClock } from '../../testing/test-core';
import { dashboardOffice, day, minutes, type DashboardOffice } from './dashboard-office';

/**
 * Ranges over several days: a conversation answered, resolved and reopened the next day, and
 * customers who wrote again after a past range. Wednesday 2026-11-25 12:00 Riyadh (09:00 UTC),
 * then Thursday.
 */
const offices: DashboardOffice[] = [];
afterEach(async () => {
  await Promise.all(offices.splice(0).map((o) => o.t.close()));
});

async function twoDays() {
  const o = await dashboardOffice(manualClock(Date.UTC(2026, 10, 25, 9, 0)));
  offices.push(o);
  // Wednesday: A writes and is answered, then resolved; B writes and waits.
  const a = o.customerWrites('966500000001');
  await o.after(minutes(5));
  await o.agentAnswers(a);
  await o.t.call('conversations.update', { id: a, status: 'resolved' }, o.admin.token);
  o.customerWrites('966500000002');
  // Thursday: A writes again (a second episode of the same conversation) and is answered.
  await o.after(day);
  const token = await o.signIn();
  o.customerWrites('966500000001');
  await o.after(minutes(2));
  await o.agentAnswers(a, token);
  return { o, token };
}

describe('the dashboard over ranges of several days', () => {
  it('counts a reopened conversation once in a range holding both its episodes, and once in each day alone', async () => {
    const { o, token } = await twoDays();
    const range = async (from: string, to: string) => (await o.t.call('dashboard.summary', { preset: 'custom', from, to }, token)).stats;
    expect(await range('2026-11-25', '2026-11-26')).toMatchObject({ episodes: 3, totalConversations: 2, activeContacts: 2 });
    expect(await range('2026-11-25', '2026-11-25')).toMatchObject({ episodes: 2, totalConversations: 2, activeContacts: 2 });
    expect(await range('2026-11-26', '2026-11-26')).toMatchObject({ episodes: 1, totalConversations: 1, activeContacts: 1 });
    const today = await o.t.call('dashboard.summary', { preset: 'today' }, token);
    expect(today.stats).toMatchObject({ episodes: 1, totalConversations: 1, activeContacts: 1 });
    expect(today.waiting.count).toBe(1);
  });

  it('counts a customer in a past week who wrote again since, and nobody in a week before anyone wrote', async () => {
    const { o, token } = await twoDays();
    const week = async (from: string, to: string) => (await o.t.call('dashboard.summary', { preset: 'custom', from, to }, token)).stats.activeContacts;
    expect(await week('2026-11-19', '2026-11-25')).toBe(2);
    expect(await week('2026-11-12', '2026-11-18')).toBe(0);
    expect((await o.t.call('dashboard.summary', { preset: '7d' }, token)).stats.activeContacts).toBe(2);
  });

  it('gives one agent’s figures from their own answers across both days', async () => {
    const { o, token } = await twoDays();
    const s = await o.t.call('dashboard.summary', { preset: '7d', agentId: o.admin.user.id }, token);
    expect(s.stats).toMatchObject({ episodes: 2, totalConversations: 1, answeredWithinTarget: 2 });
    expect(s.firstResponse.total).toMatchObject({ answered: 2, medianMs: minutes(2), p90Ms: minutes(5) });
  });

  it('rebuilds the previous episode’s day, the open episode and each customer’s last day exactly as kept', async () => {
    const { o, token } = await twoDays();
    const kept = o.kept();
    const episodes = kept.episodes as { start_day: string; prev_start_day: string | null }[];
    // A's two episodes were answered; B's, unanswered, is open on its conversation.
    expect(episodes.map((e) => [e.start_day, e.prev_start_day])).toEqual([
      ['2026-11-25', null],
      ['2026-11-26', '2026-11-25'],
    ]);
    expect((kept.openEpisodes as { open_start_day: string; open_prev_start_day: string | null }[]).map((e) => [e.open_start_day, e.open_prev_start_day])).toEqual([['2026-11-25', null]]);
    expect((kept.lastDays as { last_day: string }[]).map((c) => c.last_day)).toEqual(['2026-11-26', '2026-11-25']);
    await o.t.call('dashboard.rebuild', {}, token);
    expect(o.kept()).toEqual(kept);
  });
});
