import { afterEach, describe, expect, it } from 'vitest';
import { linkLidToPhone } from '../../ingest/lid-merge';
import { manualClock } from '../../testing/test-core';
import { dashboardOffice, minutes, type DashboardOffice } from './dashboard-office';

/**
 * Issue 17: "a rebuild from raw rows must equal what was kept", after the things that change
 * figures already kept — a message that failed after it left, a customer's `@lid` chat joined to
 * their phone's. The office is in Riyadh; the clock starts Wednesday 2026-11-25, 12:00 there.
 */
const offices: DashboardOffice[] = [];
afterEach(async () => {
  await Promise.all(offices.splice(0).map((o) => o.t.close()));
});

async function office() {
  const o = await dashboardOffice(manualClock(Date.UTC(2026, 10, 25, 9, 0)));
  offices.push(o);
  return o;
}

/** The kept figures and the summary, then the same after a rebuild from raw rows. */
async function keptAndRebuilt(o: DashboardOffice, token = o.admin.token) {
  const summary = async () => {
    const s = await o.t.call('dashboard.summary', { preset: '30d' }, token);
    // Episodes are numbered afresh by a rebuild.
    return { ...s, waiting: { ...s.waiting, longest: s.waiting.longest.map(({ episodeId: _, ...w }) => w) } };
  };
  const kept = { tables: o.kept(), summary: await summary() };
  await o.t.call('dashboard.rebuild', {}, token);
  return { kept, rebuilt: { tables: o.kept(), summary: await summary() } };
}

const lastOurs = (o: DashboardOffice) =>
  o.sqlite.prepare<[], { id: number; whatsapp_message_id: string }>("select id, whatsapp_message_id from messages where sender = 'agent' order by id desc limit 1").get()!;

describe('the dashboard’s kept figures against a rebuild from raw rows', () => {
  it('stop counting a reply that failed after it left: not sent, and the customer waits again', async () => {
    const o = await office();
    const a = o.customerWrites('966500000001');
    await o.after(minutes(5));
    await o.agentAnswers(a);
    const reply = lastOurs(o);
    o.t.core.whatsapp.outbox.ack(o.number.id, { providerId: reply.whatsapp_message_id, status: 'failed' });

    const s = await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token);
    expect(s.stats).toMatchObject({ incoming: 1, outgoing: 0 });
    expect(s.firstResponse.total.answered).toBe(0);
    expect(s.waiting.longest.map((w) => w.conversationId)).toEqual([a]);
    const { kept, rebuilt } = await keptAndRebuilt(o);
    expect(kept).toEqual(rebuilt);
  });

  it('count a failed reply once when a retry sends it, as the answer from then', async () => {
    const o = await office();
    const a = o.customerWrites('966500000001');
    await o.after(minutes(5));
    await o.agentAnswers(a);
    const reply = lastOurs(o);
    o.t.core.whatsapp.outbox.ack(o.number.id, { providerId: reply.whatsapp_message_id, status: 'failed' });
    await o.after(minutes(5));
    await o.t.call('messages.retry', { id: reply.id }, o.admin.token);
    await o.after(0);

    const s = await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token);
    expect(s.stats).toMatchObject({ incoming: 1, outgoing: 1 });
    expect(s.firstResponse.total.answered).toBe(1);
    const { kept, rebuilt } = await keptAndRebuilt(o);
    expect(kept).toEqual(rebuilt);
  });

  it('count a reply whose status came before the send returned, once', async () => {
    const o = await office();
    const a = o.customerWrites('966500000001');
    await o.after(minutes(5));
    await o.agentAnswers(a);
    const reply = lastOurs(o);
    // A stray delivered and read after it went: counted already, not again.
    o.t.core.whatsapp.outbox.ack(o.number.id, { providerId: reply.whatsapp_message_id, status: 'delivered' });
    o.t.core.whatsapp.outbox.ack(o.number.id, { providerId: reply.whatsapp_message_id, status: 'read' });
    const s = await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token);
    expect(s.stats).toMatchObject({ incoming: 1, outgoing: 1 });
    const { kept, rebuilt } = await keptAndRebuilt(o);
    expect(kept).toEqual(rebuilt);
  });

  it('settle an episode no one answered when the customer writes again after a resolve, and wait on the new one', async () => {
    const o = await office();
    const a = o.customerWrites('966500000001');
    await o.after(minutes(5));
    await o.t.call('conversations.update', { id: a, status: 'resolved' }, o.admin.token);
    await o.after(minutes(5));
    o.customerWrites('966500000001');
    let s = await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token);
    expect(s.stats).toMatchObject({ episodes: 2, totalConversations: 1 });
    expect(s.waiting.longest.map((w) => [w.conversationId, w.startedAt])).toEqual([[a, o.clock.now()]]);
    await o.after(minutes(2));
    await o.agentAnswers(a);
    s = await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token);
    expect(s.stats).toMatchObject({ episodes: 2, totalConversations: 1 });
    expect(s.firstResponse.total).toMatchObject({ answered: 1, medianMs: minutes(2) });
    expect(s.waiting.count).toBe(0);
    const drill = await o.t.call('dashboard.drillDown', { query: { preset: 'today' }, figure: 'unanswered' }, o.admin.token);
    expect(drill.total).toBe(1);
    const { kept, rebuilt } = await keptAndRebuilt(o);
    expect(kept).toEqual(rebuilt);
  });

  it('leave an earlier episode unanswered, not waiting, when its only reply fails after a later one opened', async () => {
    const o = await office();
    const a = o.customerWrites('966500000001');
    await o.after(minutes(5));
    await o.agentAnswers(a);
    const reply = lastOurs(o);
    await o.t.call('conversations.update', { id: a, status: 'resolved' }, o.admin.token);
    await o.after(minutes(5));
    o.customerWrites('966500000001');
    o.t.core.whatsapp.outbox.ack(o.number.id, { providerId: reply.whatsapp_message_id, status: 'failed' });

    const s = await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token);
    expect(s.stats).toMatchObject({ episodes: 2, outgoing: 0 });
    expect(s.firstResponse.total.answered).toBe(0);
    expect(s.waiting.count).toBe(1);
    const waiting = await o.t.call('dashboard.drillDown', { query: { preset: 'today' }, figure: 'waiting' }, o.admin.token);
    expect(waiting.rows.map((r) => r.startedAt)).toEqual([o.clock.now()]);
    const { kept, rebuilt } = await keptAndRebuilt(o);
    expect(kept).toEqual(rebuilt);
  });

  it('start no episode for a customer’s message written before a resolve that reaches the desk after it', async () => {
    const o = await office();
    const a = o.customerWrites('966500000001');
    await o.after(minutes(5));
    await o.agentAnswers(a);
    const written = o.clock.now();
    await o.after(minutes(5));
    await o.t.call('conversations.update', { id: a, status: 'resolved' }, o.admin.token);
    await o.after(minutes(5));
    o.customerWrites('966500000001', { timestamp: written });

    const s = await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token);
    expect(s.stats).toMatchObject({ episodes: 1, incoming: 2 });
    const { kept, rebuilt } = await keptAndRebuilt(o);
    expect(kept).toEqual(rebuilt);
  });

  it('start the episode after a resolve at a late message written before the one that reopened it', async () => {
    const o = await office();
    const a = o.customerWrites('966500000001');
    await o.after(minutes(5));
    await o.agentAnswers(a);
    await o.t.call('conversations.update', { id: a, status: 'resolved' }, o.admin.token);
    await o.after(minutes(5));
    const written = o.clock.now();
    await o.after(minutes(5));
    o.customerWrites('966500000001');
    o.customerWrites('966500000001', { timestamp: written });

    const s = await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token);
    expect(s.stats).toMatchObject({ episodes: 2, incoming: 3 });
    expect(s.waiting.longest.map((w) => w.startedAt)).toEqual([written]);
    const { kept, rebuilt } = await keptAndRebuilt(o);
    expect(kept).toEqual(rebuilt);
  });

  it('start an episode when the customer writes after a resolve, even though a message written before the resolve reopened the conversation first', async () => {
    const o = await office();
    const a = o.customerWrites('966500000001');
    await o.after(minutes(5));
    await o.agentAnswers(a);
    const written = o.clock.now();
    await o.after(minutes(5));
    await o.t.call('conversations.update', { id: a, status: 'resolved' }, o.admin.token);
    await o.after(minutes(5));
    o.customerWrites('966500000001', { timestamp: written });
    await o.after(minutes(5));
    const asked = o.clock.now();
    o.customerWrites('966500000001');

    const s = await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token);
    expect(s.stats).toMatchObject({ episodes: 2, incoming: 3 });
    expect(s.waiting.longest.map((w) => w.startedAt)).toEqual([asked]);
    const { kept, rebuilt } = await keptAndRebuilt(o);
    expect(kept).toEqual(rebuilt);
  });

  it('move a customer’s episodes and days with their @lid chat into the phone’s conversation', async () => {
    const o = await office();
    const lid = '123456789012345@lid';
    const byLid = { chatId: lid, customerPhone: null, customerLid: lid };
    // The customer writes by phone and is answered; resolved; then writes under their lid (a second conversation), twice.
    const phone = o.customerWrites('966500000001');
    await o.after(minutes(5));
    await o.agentAnswers(phone);
    await o.after(minutes(5));
    await o.t.call('conversations.update', { id: phone, status: 'resolved' }, o.admin.token);
    await o.after(minutes(5));
    const lidChat = o.customerWrites('966500000009', byLid);
    await o.after(minutes(3));
    o.customerWrites('966500000009', byLid);
    // A day later, under the lid again.
    await o.after(24 * 60 * 60_000);
    o.customerWrites('966500000009', byLid);
    expect(lidChat).not.toBe(phone);

    expect(linkLidToPhone(o.sqlite, o.clock, lid, '966500000001')).toEqual([phone]);
    const token = await o.signIn();
    const s = await o.t.call('dashboard.summary', { preset: '7d' }, token);
    // By phone, one episode answered; after resolving, the lid's first message opened the second (its later ones are in it).
    expect(s.stats).toMatchObject({ episodes: 2, totalConversations: 1, activeContacts: 1, incoming: 4 });
    expect(s.waiting.longest.map((w) => w.conversationId)).toEqual([phone]);
    const { kept, rebuilt } = await keptAndRebuilt(o, token);
    expect(kept).toEqual(rebuilt);
  });

  it('give a customer known only by @lid their phone without changing a figure', async () => {
    const o = await office();
    const lid = '123456789012345@lid';
    const lidChat = o.customerWrites('966500000009', { chatId: lid, customerPhone: null, customerLid: lid });
    await o.after(minutes(5));
    await o.agentAnswers(lidChat);
    expect(linkLidToPhone(o.sqlite, o.clock, lid, '966500000001')).toEqual([lidChat]);
    const { kept, rebuilt } = await keptAndRebuilt(o);
    expect(kept).toEqual(rebuilt);
  });

  it('cut past days again in the office’s new zone, saying “recomputing” until it is done', async () => {
    // 06:00 in Riyadh on the 25th is 22:00 on the 24th in New York.
    const o = await dashboardOffice(manualClock(Date.UTC(2026, 10, 25, 3, 0)));
    offices.push(o);
    const a = o.customerWrites('966500000001');
    await o.after(minutes(5));
    await o.agentAnswers(a);
    await o.after(minutes(600));
    o.customerWrites('966500000002');
    const settings = await o.t.call('office.get', {}, o.admin.token);

    await o.t.call('office.update', { hours: { ...settings.hours, timeZone: 'America/New_York' } }, o.admin.token);
    expect((await o.t.call('dashboard.summary', { preset: '7d' }, o.admin.token)).recomputing).toBe(true);
    await o.after(0);
    const s = await o.t.call('dashboard.summary', { preset: '7d' }, o.admin.token);
    expect(s.recomputing).toBe(false);
    expect(s.range.timeZone).toBe('America/New_York');
    expect(s.charts.messagesByDay.slice(-2)).toEqual([
      { day: '2026-11-24', incoming: 1, outgoing: 1 },
      { day: '2026-11-25', incoming: 1, outgoing: 0 },
    ]);
    const { kept, rebuilt } = await keptAndRebuilt(o);
    expect(kept).toEqual(rebuilt);
  });

  it('count office-hours response times again under the office’s new week', async () => {
    const o = await office();
    // 12:00 Wednesday: answered at 17:00, across the midday break.
    const a = o.customerWrites('966500000001');
    await o.after(minutes(300));
    await o.agentAnswers(a);
    const before = (await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token)).firstResponse.total.officeMedianMs;
    const settings = await o.t.call('office.get', {}, o.admin.token);
    await o.t.call('office.update', { hours: { ...settings.hours, shifts: [{ start: '08:00', end: '20:00' }] } }, o.admin.token);
    await o.after(0);
    const s = await o.t.call('dashboard.summary', { preset: 'today' }, o.admin.token);
    expect(s.firstResponse.total.officeMedianMs).toBe(minutes(300));
    expect(s.firstResponse.total.officeMedianMs).not.toBe(before);
    const { kept, rebuilt } = await keptAndRebuilt(o);
    expect(kept).toEqual(rebuilt);
  });
});
