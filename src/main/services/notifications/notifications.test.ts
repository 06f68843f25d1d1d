import { afterEach, describe, expect, it } from 'vitest';
import type { NotificationPage } from '../../../shared/notifications/types';
import { trackedCores } from '../../testing/demo-core';

/** Notifications belong to one user: what they get, as they chose, and what nobody else can touch. */
const cores = trackedCores(afterEach);

async function office() {
  const t = cores.start();
  const admin = await t.setupAdmin();
  const sara = await t.createUser(admin.token, 'agent', 'sara@office.test');
  const omar = await t.createUser(admin.token, 'agent', 'omar@office.test');
  const tell = (userIds: number[], title = 'اجتماع الفريق الساعة ١٠') => t.call('notifications.create', { userIds, title, body: 'في قاعة الاجتماعات' }, admin.token);
  const mine = async (token: string) => (await t.call('notifications.list', {}, token)).items;
  const toldLive = (userId: number) => t.events.filter((e) => e.event === 'notification.new' && e.audience.kind === 'users' && e.audience.userIds.includes(userId));
  return { t, admin, sara, omar, tell, mine, toldLive };
}

describe('a notification reaches its user only, as they chose', () => {
  it('reaches the agent it was sent to, live on their windows only, and no one else', async () => {
    const { t, sara, omar, tell, mine, toldLive } = await office();
    t.events.length = 0;
    expect(await tell([sara.user.id])).toEqual({ sent: 1 });
    expect((await mine(sara.token)).map((n) => [n.type, n.params.title, n.target])).toEqual([['office_message', 'اجتماع الفريق الساعة ١٠', null]]);
    expect(await mine(omar.token)).toEqual([]);
    const live = t.events.filter((e) => e.event === 'notification.new');
    expect(live.map((e) => e.audience)).toEqual([{ kind: 'users', userIds: [sara.user.id] }]);
    expect(toldLive(omar.user.id)).toEqual([]);
    expect(await t.call('notifications.unread', {}, sara.token)).toEqual({ unread: 1 });
    expect(await t.call('notifications.unread', {}, omar.token)).toEqual({ unread: 0 });
  });

  it('off stores nothing and says nothing; in-app stores it; desktop stores it flagged for the desktop', async () => {
    const { t, sara, tell, mine, toldLive } = await office();
    await t.call('notifications.setPreference', { type: 'office_message', mode: 'off' }, sara.token);
    t.events.length = 0;
    expect(await tell([sara.user.id], 'off')).toEqual({ sent: 0 });
    expect(await mine(sara.token)).toEqual([]);
    expect(toldLive(sara.user.id)).toEqual([]);

    await t.call('notifications.setPreference', { type: 'office_message', mode: 'in_app' }, sara.token);
    await tell([sara.user.id], 'in app');
    await t.call('notifications.setPreference', { type: 'office_message', mode: 'desktop' }, sara.token);
    await tell([sara.user.id], 'desktop');
    expect((await mine(sara.token)).map((n) => [n.params.title, n.desktop])).toEqual([
      ['desktop', true],
      ['in app', false],
    ]);
    expect(toldLive(sara.user.id).map((e) => (e.data as { notification: { desktop: boolean } }).notification.desktop)).toEqual([false, true]);
  });

  it('shows each user their own choices, with defaults for what they never set', async () => {
    const { t, admin, sara } = await office();
    const prefs = await t.call('notifications.setPreference', { type: 'conversation_message', mode: 'in_app' }, sara.token);
    expect(prefs.find((p) => p.type === 'conversation_message')?.mode).toBe('in_app');
    expect(prefs.find((p) => p.type === 'conversation_assigned')?.mode).toBe('desktop');
    // Staff sign-ins are told to admins only: an agent has no such setting.
    expect(prefs.map((p) => p.type)).not.toContain('staff_signed_in');
    expect((await t.call('notifications.preferences', {}, admin.token)).find((p) => p.type === 'conversation_message')?.mode).toBe('desktop');
  });
});

describe('nobody reads or marks another user’s notifications', () => {
  it('an agent cannot mark another agent’s notification read: it is not found, and stays unread', async () => {
    const { t, sara, omar, tell, mine } = await office();
    await tell([sara.user.id]);
    const [hers] = await mine(sara.token);
    expect(await t.failure('notifications.markRead', { id: hers!.id }, omar.token)).toMatchObject({ code: 'NOT_FOUND' });
    await t.call('notifications.markAllRead', {}, omar.token);
    expect((await mine(sara.token))[0]!.readAt).toBeNull();
    expect(await t.call('notifications.unread', {}, sara.token)).toEqual({ unread: 1 });
  });

  it('an admin cannot read an agent’s notifications either, and only admins send one', async () => {
    const { t, admin, sara, tell } = await office();
    await tell([sara.user.id]);
    const adminsOwn = (await t.call('notifications.list', {}, admin.token)).items;
    expect(adminsOwn.every((n) => n.type === 'staff_signed_in')).toBe(true);
    expect(await t.failure('notifications.create', { userIds: [sara.user.id], title: 'x' }, sara.token)).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('marks one read, then all read, and the user’s other windows hear the new count', async () => {
    const { t, sara, tell, mine } = await office();
    await tell([sara.user.id], 'first');
    await tell([sara.user.id], 'second');
    const [second] = await mine(sara.token);
    t.events.length = 0;
    expect(await t.call('notifications.markRead', { id: second!.id }, sara.token)).toEqual({ unread: 1 });
    expect(await t.call('notifications.markAllRead', {}, sara.token)).toEqual({ unread: 0 });
    expect(t.events.filter((e) => e.event === 'notifications.unread').map((e) => [e.data, e.audience])).toEqual([
      [{ unread: 1 }, { kind: 'users', userIds: [sara.user.id] }],
      [{ unread: 0 }, { kind: 'users', userIds: [sara.user.id] }],
    ]);
    expect((await mine(sara.token)).every((n) => n.readAt !== null)).toBe(true);
  });

  it('pages through many notifications newest first without repeating one', async () => {
    const { t, sara, tell } = await office();
    for (let i = 1; i <= 7; i++) await tell([sara.user.id], `n${i}`);
    const seen: string[] = [];
    let page: NotificationPage = await t.call('notifications.list', { limit: 3 }, sara.token);
    for (;;) {
      seen.push(...page.items.map((n) => String(n.params.title)));
      if (page.nextBefore === null) break;
      page = await t.call('notifications.list', { limit: 3, before: page.nextBefore }, sara.token);
    }
    expect(seen).toEqual(['n7', 'n6', 'n5', 'n4', 'n3', 'n2', 'n1']);
  });
});

describe('who is told of a sign-in', () => {
  it('admins hear when an agent or supervisor signs in, not when an admin does', async () => {
    const t = cores.start();
    const admin = await t.setupAdmin();
    const second = await t.createUser(admin.token, 'admin', 'second-admin@office.test');
    const supervisor = await t.createUser(admin.token, 'supervisor', 'super@office.test');
    await t.call('auth.signIn', { email: 'super@office.test', password: 'user-pass-123' });
    const told = (await t.call('notifications.list', {}, admin.token)).items.map((n) => [n.type, n.params.user, n.params.role, n.target]);
    expect(told).toEqual([
      ['staff_signed_in', 'User super@office.test', 'supervisor', { kind: 'user', id: supervisor.user.id }],
      ['staff_signed_in', 'User super@office.test', 'supervisor', { kind: 'user', id: supervisor.user.id }],
    ]);
    expect((await t.call('notifications.list', {}, second.token)).items).toHaveLength(2);
    expect((await t.call('notifications.list', {}, supervisor.token)).items).toEqual([]);
  });
});
