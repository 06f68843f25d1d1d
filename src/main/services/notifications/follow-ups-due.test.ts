import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, startTestCore } from '../../testing/test-core';
import { customerWritesIn } from '../../testing/two-numbers-office';

/** A customer's follow-up day reaches whoever holds them, at the office's midnight of that day. */
const running: ReturnType<typeof startTestCore>[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((t) => t.close()));
});

const hour = 60 * 60_000;

describe('a follow-up due today', () => {
  it('tells the agent holding the customer at the office midnight of that day, once, and the number’s team when nobody holds them', async () => {
    const clock = manualClock(); // 2026-11-25 09:00 UTC, noon in Riyadh
    const t = startTestCore({ clock, sessionPolicy: { idleMs: 30 * 24 * hour, absoluteMs: 30 * 24 * hour } });
    running.push(t);
    const admin = await t.setupAdmin();
    const sales = await t.call('numbers.create', { name: 'Sales' }, admin.token);
    const sara = await t.createUser(admin.token, 'agent', 'sara@office.test');
    const omar = await t.createUser(admin.token, 'agent', 'omar@office.test');
    await t.call('numbers.setAgents', { id: sales.id, agentIds: [sara.user.id, omar.user.id] }, admin.token);
    const held = await t.call('conversations.get', { id: customerWritesIn(t, sales.id, '966501110001', 'مرحبا', 'خالد') }, admin.token);
    const free = await t.call('conversations.get', { id: customerWritesIn(t, sales.id, '966501110002', 'السلام عليكم', 'نورة') }, admin.token);
    await t.call('conversations.assign', { id: held.id, agentId: sara.user.id }, admin.token);
    await t.call('contacts.update', { id: held.contact.id, followUpDate: '2026-11-26' }, admin.token);
    await t.call('contacts.update', { id: free.contact.id, followUpDate: '2026-11-26' }, admin.token);
    const followUps = async (token: string) => (await t.call('notifications.list', {}, token)).items.filter((n) => n.type === 'follow_up_due').map((n) => n.params.customer).sort();

    clock.advance(11 * hour + 59 * 60_000); // 23:59 in Riyadh on the 25th: not yet
    expect(await followUps(sara.token)).toEqual([]);
    clock.advance(2 * 60_000); // the office's midnight: the 26th
    expect(await followUps(sara.token)).toEqual(['خالد', 'نورة']);
    expect(await followUps(omar.token)).toEqual(['نورة']);
    clock.advance(24 * hour); // the next midnight tells nothing again
    expect(await followUps(sara.token)).toEqual(['خالد', 'نورة']);
  });
});
