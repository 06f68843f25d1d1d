import { afterEach, describe, expect, it } from 'vitest';
import { officeHoursKey } from '../../calendar/office-calendar-setting';
import { defaultOfficeHours } from '../../../shared/calendar/office-hours';
import { manualClock, startTestCore } from '../../testing/test-core';
import { customerWritesIn, twoNumbersOffice } from '../../testing/two-numbers-office';

// Wednesday 25 November 2026, 12:00 in Riyadh (09:00 UTC). The office works Sunday–Thursday, 09:00–13:00 and 16:30–21:00.
const wednesdayNoon = Date.UTC(2026, 10, 25, 9, 0);
const thursday = '2026-11-26';

const cores: ReturnType<typeof startTestCore>[] = [];
afterEach(async () => {
  await Promise.all(cores.splice(0).map((t) => t.close()));
});

/** Issue 13's two-number office on a clock at Wednesday noon, with a second Sales agent and a supervisor. */
async function office() {
  const clock = manualClock(wednesdayNoon);
  const t = startTestCore({ clock });
  cores.push(t);
  const w = await twoNumbersOffice(t);
  const colleague = await t.createUser(w.admin.token, 'agent', 'sales-two@office.test');
  await t.call('numbers.setAgents', { id: w.sales.id, agentIds: [w.agent.user.id, colleague.user.id] }, w.admin.token);
  const supervisor = await t.createUser(w.admin.token, 'supervisor', 'supervisor@office.test');
  await t.call('conversations.setInterest', { conversationId: w.mine.id, propertyId: w.property.id }, w.admin.token);
  const sqlite = t.core.database.sqlite;
  /** Everything a refused booking could have touched. */
  const snapshot = () => ({
    viewings: sqlite.prepare('select * from viewings order by id').all(),
    interests: sqlite.prepare('select * from conversation_property_interests order by id').all(),
    activity: sqlite.prepare('select count(*) as n from activity_log').get(),
  });
  const book = (token: string, extra: Record<string, unknown> = {}) =>
    t.call('viewings.book', { conversationId: w.mine.id, propertyId: w.property.id, date: thursday, time: '10:00', ...extra }, token);
  const setHours = (hours: object) => sqlite.prepare('insert or replace into settings (key, value) values (?, ?)').run(officeHoursKey, JSON.stringify(hours));
  return { t, w, clock, colleague, supervisor, sqlite, snapshot, book, setHours };
}

describe('viewings', () => {
  it('books a viewing from the conversation: the customer’s interest becomes viewing scheduled and the number’s team hears of it', async () => {
    const { t, w, book } = await office();
    t.events.length = 0;
    const viewing = await book(w.agent.token, { place: 'أمام البوابة', notes: 'يحضر مع زوجته' });
    expect(viewing).toMatchObject({
      status: 'tentative',
      officeDate: thursday,
      officeTime: '10:00',
      start: '2026-11-26T07:00:00.000Z',
      end: '2026-11-26T08:00:00.000Z',
      durationMinutes: 60,
      agent: { id: w.agent.user.id },
      property: { id: w.property.id, name: 'شقة العليا' },
      contact: { id: w.mine.contact.id },
      place: 'أمام البوابة',
    });
    const interests = await t.call('conversations.interests', { conversationId: w.mine.id }, w.agent.token);
    expect(interests.find((i) => i.property.id === w.property.id)?.status).toBe('viewing_scheduled');
    const changed = t.events.find((e) => e.event === 'viewings.changed');
    expect(changed?.data).toMatchObject({ viewingId: viewing.id, change: 'booked', agentId: w.agent.user.id, byUserId: w.agent.user.id });
    expect(changed?.audience).toMatchObject({ kind: 'users' });
    const audience = (changed!.audience as { userIds: number[] }).userIds;
    expect(audience).toEqual(expect.arrayContaining([w.admin.user.id, w.agent.user.id]));
    expect(audience).not.toContain(w.rentalsAgent.user.id);
    expect(t.events.some((e) => e.event === 'interests.changed')).toBe(true);
    expect((await t.call('viewings.forConversation', { conversationId: w.mine.id }, w.agent.token)).viewings.map((v) => v.id)).toEqual([viewing.id]);
    expect((await t.call('viewings.forContact', { contactId: w.mine.contact.id }, w.agent.token)).viewings.map((v) => v.id)).toEqual([viewing.id]);
  });

  it('refuses a start in the past, outside office hours, on a weekend or holiday, or when the agent is busy — and writes nothing', async () => {
    const { t, w, book, snapshot, setHours } = await office();
    const first = await book(w.agent.token);
    setHours({ ...defaultOfficeHours, holidays: [{ from: '2026-11-29', to: '2026-11-30', name: 'إجازة المكتب' }] });
    const refusals: [Record<string, unknown>, string, string, string][] = [
      [{ date: '2026-11-25', time: '10:00' }, 'VALIDATION_ERROR', 'time', 'in_past'],
      [{ time: '14:00' }, 'VALIDATION_ERROR', 'time', 'outside_office_hours'],
      // Starts inside the morning shift but runs past its 13:00 close.
      [{ time: '12:30' }, 'VALIDATION_ERROR', 'time', 'outside_office_hours'],
      [{ date: '2026-11-27', time: '10:00' }, 'VALIDATION_ERROR', 'time', 'outside_office_hours'],
      [{ date: '2026-11-30', time: '10:00' }, 'VALIDATION_ERROR', 'date', 'office_holiday'],
      [{ time: '10:30' }, 'CONFLICT', 'time', 'agent_busy'],
      [{ time: '09:15' }, 'CONFLICT', 'time', 'agent_busy'],
      [{ date: '2026-02-30' }, 'VALIDATION_ERROR', 'date', 'invalid'],
    ];
    for (const [input, code, field, detail] of refusals) {
      const before = snapshot();
      const error = await t.failure('viewings.book', { conversationId: w.mine.id, propertyId: w.property.id, date: thursday, time: '10:00', ...input }, w.agent.token);
      expect(error, JSON.stringify(input)).toMatchObject({ code, details: [{ field, code: detail }] });
      expect(snapshot(), JSON.stringify(input)).toEqual(before);
    }
    // The clash names the other viewing's time, property and customer.
    const clash = await t.failure('viewings.book', { conversationId: w.mine.id, propertyId: w.property.id, date: thursday, time: '10:30' }, w.agent.token);
    expect(clash).toMatchObject({ details: [{ params: { viewingId: first.id, date: thursday, time: '10:00', endTime: '11:00', property: 'شقة العليا', customer: 'عميل المبيعات' } }] });

    const before = snapshot();
    expect((await t.failure('viewings.book', { conversationId: w.mine.id, propertyId: w.property.id, agentId: w.rentalsAgent.user.id, date: thursday, time: '17:00' }, w.agent.token)).code).toBe('FORBIDDEN');
    expect((await t.failure('viewings.book', { conversationId: w.theirs.id, propertyId: w.property.id, date: thursday, time: '17:00' }, w.agent.token)).code).toBe('FORBIDDEN');
    expect(await t.failure('viewings.book', { conversationId: w.mine.id, propertyId: w.property.id, agentId: w.rentalsAgent.user.id, date: thursday, time: '17:00' }, w.admin.token)).toMatchObject({
      code: 'VALIDATION_ERROR',
      details: [{ field: 'agentId', code: 'no_access' }],
    });
    expect(await t.failure('viewings.reschedule', { id: first.id, date: '2026-11-25', time: '09:00' }, w.agent.token)).toMatchObject({ details: [{ code: 'in_past' }] });
    expect(await t.failure('viewings.reschedule', { id: first.id, date: '2026-11-27', time: '10:00' }, w.agent.token)).toMatchObject({ details: [{ code: 'outside_office_hours' }] });
    expect(snapshot()).toEqual(before);

    await t.call('viewings.setStatus', { id: first.id, status: 'done' }, w.agent.token);
    const done = snapshot();
    expect(await t.failure('viewings.setStatus', { id: first.id, status: 'confirmed' }, w.agent.token)).toMatchObject({ code: 'CONFLICT', details: [{ code: 'invalid_transition' }] });
    expect(await t.failure('viewings.reschedule', { id: first.id, date: thursday, time: '17:00' }, w.agent.token)).toMatchObject({ code: 'CONFLICT' });
    expect(snapshot()).toEqual(done);
  });

  it('books outside office hours with a reason, logs a past viewing as done, and frees the slot of a cancelled one', async () => {
    const { t, w, book } = await office();
    const evening = await book(w.agent.token, { date: '2026-11-27', time: '22:00', outsideHoursReason: 'العميل مسافر صباح السبت' });
    expect(evening).toMatchObject({ officeDate: '2026-11-27', outsideHoursReason: 'العميل مسافر صباح السبت' });
    expect(await book(w.agent.token, { date: '2026-11-24', time: '10:00', status: 'done' })).toMatchObject({ status: 'done' });
    const first = await book(w.agent.token);
    await t.call('viewings.setStatus', { id: first.id, status: 'cancelled' }, w.agent.token);
    expect(await book(w.agent.token)).toMatchObject({ officeTime: '10:00', status: 'tentative' });
  });

  it('lets exactly one of two windows booking the same agent’s slot at once have it', async () => {
    const { t, w, book, colleague, sqlite } = await office();
    const other = customerWritesIn(t, w.sales.id, '966503330003', 'أبغى أشوف الشقة', 'عميل ثان');
    const [a, b] = await Promise.allSettled([
      book(w.agent.token),
      t.call('viewings.book', { conversationId: other, propertyId: w.property.id, date: thursday, time: '10:30' }, w.agent.token),
    ]);
    expect([a.status, b.status].sort()).toEqual(['fulfilled', 'rejected']);
    const refused = (a.status === 'rejected' ? a.reason : (b as PromiseRejectedResult).reason) as { error: { code: string } };
    expect(refused.error.code).toBe('CONFLICT');
    expect(sqlite.prepare('select count(*) as n from viewings where agent_id = ?').get(w.agent.user.id)).toEqual({ n: 1 });
    // Another agent's time is their own.
    expect(await book(colleague.token)).toMatchObject({ agent: { id: colleague.user.id } });
  });

  it('moves the interest back to interested when its last live viewing is cancelled, and never lowers an offer made', async () => {
    const { t, w, book } = await office();
    const interestOf = async () => (await t.call('conversations.interests', { conversationId: w.mine.id }, w.agent.token)).find((i) => i.property.id === w.property.id)?.status;
    const one = await book(w.agent.token);
    const two = await book(w.agent.token, { time: '17:00' });
    await t.call('viewings.setStatus', { id: one.id, status: 'cancelled' }, w.agent.token);
    expect(await interestOf()).toBe('viewing_scheduled');
    await t.call('viewings.setStatus', { id: two.id, status: 'cancelled' }, w.agent.token);
    expect(await interestOf()).toBe('interested');
    await t.call('conversations.setInterest', { conversationId: w.mine.id, propertyId: w.property.id, status: 'offer_made' }, w.agent.token);
    await book(w.agent.token, { time: '18:00' });
    expect(await interestOf()).toBe('offer_made');
  });

  it('keeps an agent to their own viewings and their numbers; supervisors manage everyone’s', async () => {
    const { t, w, book, colleague, supervisor, snapshot } = await office();
    const mine = await book(w.agent.token);
    const theirs = w.theirViewing;
    // A colleague on the same number sees it but cannot change it.
    expect((await t.call('viewings.get', { id: mine.id }, colleague.token)).id).toBe(mine.id);
    const before = snapshot();
    expect(await t.failure('viewings.setStatus', { id: mine.id, status: 'cancelled' }, colleague.token)).toMatchObject({ code: 'FORBIDDEN', details: 'not_viewing_agent' });
    expect(await t.failure('viewings.reschedule', { id: mine.id, date: thursday, time: '17:00' }, colleague.token)).toMatchObject({ code: 'FORBIDDEN' });
    // The other number's viewing is not there for a Sales agent.
    for (const [channel, input] of [
      ['viewings.get', { id: theirs.id }],
      ['viewings.setStatus', { id: theirs.id, status: 'cancelled' }],
      ['viewings.reschedule', { id: theirs.id, date: thursday, time: '17:00' }],
      ['viewings.update', { id: theirs.id, notes: 'x' }],
    ] as const) {
      expect((await t.failure(channel, input, w.agent.token)).code, channel).toBe('NOT_FOUND');
    }
    expect(snapshot()).toEqual(before);
    const week = await t.call('viewings.calendar', { span: 'week', anchor: theirs.officeDate }, w.agent.token);
    expect(week.viewings.map((v) => v.id)).not.toContain(theirs.id);
    expect((await t.call('viewings.calendar', { span: 'week', anchor: theirs.officeDate }, supervisor.token)).viewings.map((v) => v.id)).toContain(theirs.id);
    // A supervisor moves anyone's viewing, and may hand it to a colleague on the number.
    const moved = await t.call('viewings.reschedule', { id: mine.id, date: thursday, time: '17:00', agentId: colleague.user.id }, supervisor.token);
    expect(moved).toMatchObject({ officeTime: '17:00', agent: { id: colleague.user.id } });
    expect((await t.failure('viewings.get', { id: mine.id }, w.rentalsAgent.token)).code).toBe('NOT_FOUND');
  });

  it('shows a week from Sunday with the office’s hours, its weekend and holidays, and a month as whole weeks', async () => {
    const { t, w, book, setHours } = await office();
    setHours({ ...defaultOfficeHours, holidays: [{ from: '2026-11-29', to: '2026-11-29', name: 'إجازة المكتب' }] });
    const booked = await book(w.agent.token);
    const week = await t.call('viewings.calendar', { span: 'week', anchor: thursday }, w.admin.token);
    expect(week).toMatchObject({ timeZone: 'Asia/Riyadh', today: '2026-11-25', from: '2026-11-22', to: '2026-11-28' });
    expect(week.days.map((d) => [d.weekday, d.working])).toEqual([[0, true], [1, true], [2, true], [3, true], [4, true], [5, false], [6, false]]);
    expect(week.days[0]!.openings).toEqual([{ start: 540, end: 780 }, { start: 990, end: 1260 }]);
    expect(week.days[5]!.openings).toEqual([]);
    expect(week.viewings.map((v) => v.id)).toContain(booked.id);
    const next = await t.call('viewings.calendar', { span: 'day', anchor: '2026-11-29' }, w.admin.token);
    expect(next.days).toEqual([{ date: '2026-11-29', weekday: 0, working: false, holiday: 'إجازة المكتب', openings: [] }]);
    const month = await t.call('viewings.calendar', { span: 'month', anchor: '2026-11-10' }, w.admin.token);
    expect([month.from, month.to, month.days.length]).toEqual(['2026-11-01', '2026-12-05', 35]);
    const agentOnly = await t.call('viewings.calendar', { span: 'week', anchor: thursday, agentId: w.rentalsAgent.user.id }, w.admin.token);
    expect(agentOnly.viewings.every((v) => v.agent.id === w.rentalsAgent.user.id)).toBe(true);
  });

  it('suggests the agent’s next free slot in office hours, and lists the viewings starting within the hour', async () => {
    const { t, w, book, clock } = await office();
    expect((await t.call('viewings.suggestSlot', { conversationId: w.mine.id }, w.agent.token)).slot).toMatchObject({ date: '2026-11-25', time: '12:00', agentId: w.agent.user.id });
    await book(w.agent.token, { date: '2026-11-25', time: '12:00' });
    // Noon is taken and the morning shift closes at 13:00: the afternoon shift's opening.
    expect((await t.call('viewings.suggestSlot', { conversationId: w.mine.id }, w.agent.token)).slot).toMatchObject({ date: '2026-11-25', time: '16:30' });
    const due = t.core.services.viewings.dueWithin(clock.now(), clock.now() + 60 * 60_000);
    // Every agent's: the Sales agent's and the one booked for the Rentals agent at noon too.
    expect(due.map((v) => [v.agent.id, v.officeTime]).sort()).toEqual([[w.agent.user.id, '12:00'], [w.rentalsAgent.user.id, '12:00']].sort());
  });

  it('reads office hours in the office’s zone whatever the computer’s zone is', async () => {
    const previous = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      const { t, w, book } = await office();
      expect(new Date(wednesdayNoon).getHours()).toBe(4);
      expect(await book(w.agent.token, { time: '09:00' })).toMatchObject({ start: '2026-11-26T06:00:00.000Z', officeTime: '09:00' });
      expect(await t.failure('viewings.book', { conversationId: w.mine.id, propertyId: w.property.id, date: thursday, time: '08:30' }, w.agent.token)).toMatchObject({
        details: [{ code: 'outside_office_hours' }],
      });
      // An office in London: 09:00 there is 09:00 UTC in November.
      t.core.database.sqlite.prepare("insert or replace into settings (key, value) values ('office.timeZone', ?)").run(JSON.stringify('Europe/London'));
      expect(await book(w.agent.token, { time: '09:00', date: '2026-11-30' })).toMatchObject({ start: '2026-11-30T09:00:00.000Z', officeTime: '09:00' });
    } finally {
      if (previous === undefined) delete process.env.TZ;
      else process.env.TZ = previous;
    }
  });
});
