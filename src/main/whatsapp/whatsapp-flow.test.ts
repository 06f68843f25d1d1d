import { afterEach, describe, expect, it } from 'vitest';
import type { NumberView } from '../../shared/numbers/types';
import { linkedNumber, numberState, trackedCores, type DemoCoreOptions } from '../testing/demo-core';
import { eventually, tempDir } from '../testing/test-core';
import { DemoWorld as World } from './demo/demo-world';

const cores = trackedCores(afterEach);
const startCore = (options: DemoCoreOptions = {}) => cores.startDemo(options);

describe('linking a number', () => {
  it('shows a QR, connects when it is scanned, and records the phone in E.164', async () => {
    const t = startCore();
    const { admin, number, phoneWid } = await linkedNumber(t);
    const view = await numberState(t, admin.token, number.id);
    expect(view).toMatchObject({ status: 'active', phoneNumber: `+${phoneWid.split('@')[0]}`, connection: { state: 'CONNECTED', qr: null, linked: true } });
    const states = t.events.filter((e) => e.event === 'number.status').map((e) => (e.data as { number: NumberView }).number.connection.state);
    expect(states).toEqual(expect.arrayContaining(['INITIALIZING', 'QR_GENERATED', 'CONNECTED']));
    expect(states.indexOf('QR_GENERATED')).toBeLessThan(states.lastIndexOf('CONNECTED'));
  });

  it('stops offering QR codes after a few unanswered rounds', async () => {
    const t = startCore({ session: { qrRounds: 2 } });
    const admin = await t.setupAdmin();
    const number = await t.call('numbers.create', { name: 'Sales' }, admin.token);
    await t.call('numbers.connect', { id: number.id }, admin.token);
    const view = await eventually(async () => {
      const n = await numberState(t, admin.token, number.id);
      expect(n.connection.state).toBe('DISCONNECTED');
      return n;
    });
    expect(view.connection).toMatchObject({ reason: 'qr_timeout', nextRetryAt: null, qr: null });
  });

  it('restores a linked number when the app starts again, without a new QR', async () => {
    const dataDir = tempDir();
    const world = new World();
    const first = startCore({ dataDir, world });
    const { number } = await linkedNumber(first);
    await first.close();

    const again = startCore({ dataDir, world });
    const { token } = await again.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' });
    await eventually(async () => expect((await numberState(again, token, number.id)).connection.state).toBe('CONNECTED'));
    const states = again.events.filter((e) => e.event === 'number.status').map((e) => (e.data as { number: NumberView }).number.connection.state);
    expect(states).not.toContain('QR_GENERATED');
  });

  it('a number the admin disconnected stays disconnected after a restart, until connected again', async () => {
    const dataDir = tempDir();
    const world = new World();
    const first = startCore({ dataDir, world });
    const { admin, number } = await linkedNumber(first);
    expect((await first.call('numbers.disconnect', { id: number.id }, admin.token)).status).toBe('inactive');
    await first.close();

    const again = startCore({ dataDir, world });
    // The restore has run (and would have started it): it is still down.
    await again.core.restored;
    expect(again.core.whatsapp.sessions.snapshot(number.id)).toMatchObject({ state: 'DISCONNECTED' });
    await again.call('numbers.connect', { id: number.id }, admin.token);
    await eventually(() => expect(again.core.whatsapp.sessions.isConnected(number.id)).toBe(true));
    expect((await again.call('numbers.list', {}, admin.token))[0]?.status).toBe('active');
  });

  it('reconnects by itself after WhatsApp drops the session, without a new QR', async () => {
    const t = startCore();
    const { admin, number } = await linkedNumber(t);
    // UNLAUNCHED: one of the states after which whatsapp-web.js gives the session up.
    t.factory.client(number.id)!.changeState('UNLAUNCHED');
    await eventually(async () => expect((await numberState(t, admin.token, number.id)).connection).toMatchObject({ state: 'DISCONNECTED', reason: 'error' }));
    await eventually(async () => expect((await numberState(t, admin.token, number.id)).connection.state).toBe('CONNECTED'));
    const states = t.events.filter((e) => e.event === 'number.status').map((e) => (e.data as { number: NumberView }).number.connection.state);
    expect(states.filter((s) => s === 'QR_GENERATED')).toHaveLength(1);
  });

  it('restarts a session that hangs, and says so', async () => {
    const t = startCore({ session: { startTimeoutMs: 30, retryBaseMs: 10_000 }, timings: { firstQrMs: 5_000 } });
    const admin = await t.setupAdmin();
    const number = await t.call('numbers.create', { name: 'Sales' }, admin.token);
    await t.call('numbers.connect', { id: number.id }, admin.token);
    const view = await eventually(async () => {
      const n = await numberState(t, admin.token, number.id);
      expect(n.connection.reason).toBe('hung');
      return n;
    });
    expect(view.connection.state).toBe('DISCONNECTED');
    expect(view.connection.nextRetryAt).not.toBeNull();
  });

  it('re-links on request: the old session is forgotten and a new QR is shown', async () => {
    const t = startCore();
    const { admin, number } = await linkedNumber(t);
    await t.call('numbers.connect', { id: number.id, force: true }, admin.token);
    await eventually(async () => expect((await numberState(t, admin.token, number.id)).connection.state).toBe('QR_GENERATED'));
    expect((await numberState(t, admin.token, number.id)).connection.linked).toBe(false);
  });

  it('links by a pairing code typed on the phone', async () => {
    const t = startCore();
    const admin = await t.setupAdmin();
    const number = await t.call('numbers.create', { name: 'Sales' }, admin.token);
    await t.call('numbers.connect', { id: number.id }, admin.token);
    await eventually(async () => expect((await numberState(t, admin.token, number.id)).connection.state).toBe('QR_GENERATED'));
    expect((await t.failure('numbers.requestPairingCode', { id: number.id, phoneNumber: '12' }, admin.token)).details).toMatchObject([{ field: 'phoneNumber', code: 'too_short' }]);
    expect((await t.failure('numbers.requestPairingCode', { id: number.id, phoneNumber: '0512345' }, admin.token)).details).toMatchObject([{ field: 'phoneNumber', code: 'invalid_phone' }]);
    const { code } = await t.call('numbers.requestPairingCode', { id: number.id, phoneNumber: '0551234567' }, admin.token);
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    await eventually(async () => expect((await numberState(t, admin.token, number.id)).connection.state).toBe('CONNECTED'));
    expect((await numberState(t, admin.token, number.id)).phoneNumber).toBe('+966551234567');
  });

  it('refuses to link a phone that is already another number of the office', async () => {
    const t = startCore();
    const { admin, number } = await linkedNumber(t);
    const taken = (await numberState(t, admin.token, number.id)).phoneNumber!;
    const second = await t.call('numbers.create', { name: 'Second' }, admin.token);
    await t.call('numbers.connect', { id: second.id }, admin.token);
    await eventually(async () => expect((await numberState(t, admin.token, second.id)).connection.state).toBe('QR_GENERATED'));
    await t.call('numbers.requestPairingCode', { id: second.id, phoneNumber: taken }, admin.token);
    await eventually(async () => expect((await numberState(t, admin.token, second.id)).connection).toMatchObject({ state: 'DISCONNECTED', reason: 'phone_in_use', linked: false }));
    expect((await numberState(t, admin.token, second.id)).phoneNumber).toBeNull();
    expect((await numberState(t, admin.token, number.id)).connection.state).toBe('CONNECTED');
  });

  it('only admins see the QR that would link the office’s WhatsApp', async () => {
    const t = startCore();
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    const number = await t.call('numbers.create', { name: 'Sales' }, admin.token);
    await t.call('numbers.setAgents', { id: number.id, agentIds: [agent.user.id] }, admin.token);
    await t.call('numbers.connect', { id: number.id }, admin.token);
    await eventually(async () => expect((await numberState(t, admin.token, number.id)).connection.qr).toBeTruthy());
    expect((await numberState(t, agent.token, number.id)).connection).toMatchObject({ state: 'QR_GENERATED', qr: null });
    const toAgent = t.events.filter((e) => e.event === 'number.status' && e.audience.kind === 'users' && e.audience.userIds.includes(agent.user.id));
    expect(toAgent.length).toBeGreaterThan(0);
    expect(toAgent.every((e) => (e.data as { number: NumberView }).number.connection.qr === null)).toBe(true);
  });

  it('only admins manage numbers', async () => {
    const t = startCore();
    const admin = await t.setupAdmin();
    const agent = await t.createUser(admin.token, 'agent', 'agent@office.test');
    expect((await t.failure('numbers.create', { name: 'Mine' }, agent.token)).code).toBe('FORBIDDEN');
    const number = await t.call('numbers.create', { name: 'Sales' }, admin.token);
    for (const channel of ['numbers.connect', 'numbers.disconnect', 'numbers.remove', 'numbers.demoScan']) {
      expect((await t.failure(channel, { id: number.id }, agent.token)).code).toBe('FORBIDDEN');
    }
    // Agents see the numbers they work, read-only.
    expect(await t.call('numbers.list', {}, agent.token)).toHaveLength(0);
    await t.call('numbers.setAgents', { id: number.id, agentIds: [agent.user.id] }, admin.token);
    expect(await t.call('numbers.list', {}, agent.token)).toHaveLength(1);
    const log = await t.call('activity.list', { limit: 10 }, admin.token);
    expect(log.find((e) => e.action === 'number.created')).toMatchObject({ entityType: 'whatsapp_number', entityName: 'Sales', userName: 'مدير المكتب' });
  });
});

describe('messages through a linked number', () => {
  it('a customer message arrives live; the answer goes out once and its ticks go to read', async () => {
    const t = startCore();
    const { admin, phoneWid } = await linkedNumber(t);
    t.world.deliverInbound(phoneWid, { from: '966501112233', body: 'أبغى شقة للإيجار في الملقا', profileName: 'سارة' });
    const conversation = await eventually(async () => {
      const page = await t.call('conversations.list', {}, admin.token);
      expect(page.data).toHaveLength(1);
      return page.data[0]!;
    });
    expect(conversation).toMatchObject({ contact: { name: 'سارة', phone: '+966501112233' }, unreadCount: 1, lastMessage: 'أبغى شقة للإيجار في الملقا' });
    expect(t.events.some((e) => e.event === 'message.new')).toBe(true);

    const sent = await t.call('messages.send', { conversationId: conversation.id, content: 'أهلاً سارة، عندنا خيارات ممتازة' }, admin.token);
    expect(sent.status).toBe('queued');
    await eventually(async () => {
      const thread = await t.call('messages.list', { conversationId: conversation.id }, admin.token);
      expect(thread.find((m) => m.id === sent.id)?.status).toBe('read');
    });
    const statuses = t.events.filter((e) => e.event === 'message.status' && (e.data as { messageId: number }).messageId === sent.id).map((e) => (e.data as { status: string }).status);
    expect(statuses).toEqual(['sent', 'delivered', 'read']);
    expect(t.world.sentMessages(phoneWid).filter((m) => m.body === 'أهلاً سارة، عندنا خيارات ممتازة')).toHaveLength(1);
    // WhatsApp echoed it (message_create) before the send returned: still one row.
    expect((await t.call('messages.list', { conversationId: conversation.id }, admin.token)).filter((m) => m.sender === 'agent')).toHaveLength(1);

    expect((await t.failure('messages.retry', { id: sent.id }, admin.token)).details).toBe('not_failed');
    await t.call('conversations.markRead', { id: conversation.id }, admin.token);
    expect((await t.call('conversations.get', { id: conversation.id }, admin.token)).unreadCount).toBe(0);
  });

  it('a send WhatsApp refuses ends failed with its reason, and can be retried', async () => {
    const t = startCore();
    const { admin, number } = await linkedNumber(t);
    const sqlite = t.core.database.sqlite;
    sqlite.prepare("insert into contacts (id, phone, name) values (50, '+966500000050', 'Broken')").run();
    sqlite.prepare("insert into conversations (id, contact_id, whatsapp_number_id, wa_chat_id, last_message_time) values (50, 50, ?, 'not-a-chat', 1)").run(number.id);
    const sent = await t.call('messages.send', { conversationId: 50, content: 'hello' }, admin.token);
    const failed = await eventually(async () => {
      const [m] = await t.call('messages.list', { conversationId: 50 }, admin.token);
      expect(m?.status).toBe('failed');
      return m!;
    });
    expect(failed).toMatchObject({ id: sent.id, errorCode: 'invalid_recipient' });
    expect(failed.error).toMatch(/invalid wid/);
    expect((await t.call('messages.retry', { id: sent.id }, admin.token)).status).toBe('queued');
    // Still no valid address: it fails again rather than looping.
    await eventually(async () => expect((await t.call('messages.list', { conversationId: 50 }, admin.token))[0]?.status).toBe('failed'));
  });

  it('an agent can write while the number is offline; it goes out once when the app is back', async () => {
    const dataDir = tempDir();
    const world = new World();
    const first = startCore({ dataDir, world });
    const { admin, number, phoneWid } = await linkedNumber(first);
    world.deliverInbound(phoneWid, { from: '966503334455', body: 'متى أقدر أشوف الفيلا؟' });
    const conversation = await eventually(async () => (await first.call('conversations.list', {}, admin.token)).data[0]!);
    await first.call('numbers.disconnect', { id: number.id }, admin.token);
    const queued = await first.call('messages.send', { conversationId: conversation.id, content: 'بكرة الساعة ٥ العصر يناسبك؟' }, admin.token);
    expect(queued.status).toBe('queued');
    await first.close();
    expect(world.sentMessages(phoneWid)).toHaveLength(0);

    const again = startCore({ dataDir, world });
    const { token } = await again.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' });
    await again.call('numbers.connect', { id: number.id }, token);
    await eventually(async () => {
      const thread = await again.call('messages.list', { conversationId: conversation.id }, token);
      expect(thread.find((m) => m.id === queued.id)?.status).toMatch(/sent|delivered|read/);
    });
    await again.close();
    const third = startCore({ dataDir, world });
    await eventually(async () => expect(third.core.whatsapp.sessions.isConnected(number.id)).toBe(true));
    // Its queue drained after catch-up: a second copy would have gone out by now.
    await third.core.whatsapp.outbox.whenIdle(number.id);
    expect(world.sentMessages(phoneWid).filter((m) => m.body === 'بكرة الساعة ٥ العصر يناسبك؟')).toHaveLength(1);
  });

  it('messages that arrived while the number was down are caught up once after it reconnects', async () => {
    const t = startCore();
    const { admin, number, phoneWid } = await linkedNumber(t);
    await t.call('numbers.disconnect', { id: number.id }, admin.token);
    t.world.deliverInbound(phoneWid, { from: '966505556677', body: 'السلام عليكم' });
    t.world.deliverInbound(phoneWid, { from: '966505556677', body: 'كم سعر المتر في حطين؟' });
    t.world.deliverInbound(phoneWid, { from: '966508889900', body: 'Is the Narjis villa still available?' });
    t.world.postToGroup(phoneWid, { author: '966501231234', body: 'group chatter' });
    t.world.postStatus(phoneWid, { author: '966501231234', body: 'a status' });
    expect((await t.call('conversations.list', {}, admin.token)).data).toHaveLength(0);

    await t.call('numbers.connect', { id: number.id }, admin.token);
    const page = await eventually(async () => {
      const p = await t.call('conversations.list', {}, admin.token);
      expect(p.data).toHaveLength(2);
      return p;
    });
    const count = () => (t.core.database.sqlite.prepare("select count(*) as n from messages where sender = 'customer'").get() as { n: number }).n;
    expect(count()).toBe(3);
    expect(page.data.map((c) => c.unreadCount).sort()).toEqual([1, 2]);

    // Reconnecting again reads the same history: nothing is doubled.
    await t.call('numbers.disconnect', { id: number.id }, admin.token);
    await t.call('numbers.connect', { id: number.id }, admin.token);
    await eventually(() => expect(t.core.whatsapp.sessions.isConnected(number.id)).toBe(true));
    // The outbox opens once catch-up is done: a doubled message would be stored by then.
    await t.core.whatsapp.outbox.whenIdle(number.id);
    expect(count()).toBe(3);
  });

  it('a customer under an @lid becomes one contact with their phone once WhatsApp reveals it', async () => {
    const world = new World({ lidReveal: { afterAsks: 2, afterMs: 0 } });
    const t = startCore({ world });
    const { admin, phoneWid } = await linkedNumber(t);
    world.deliverInbound(phoneWid, { from: '966507778899', body: 'مرحبا', lid: true, profileName: 'Omar' });
    await eventually(async () => {
      const [c] = (await t.call('conversations.list', {}, admin.token)).data;
      expect(c?.contact).toMatchObject({ name: 'Omar', phone: '+966507778899' });
    });
    world.deliverInbound(phoneWid, { from: '966507778899', body: 'again', lid: true });
    await eventually(async () => expect((await t.call('conversations.list', {}, admin.token)).data[0]?.unreadCount).toBe(2));
    expect((await t.call('conversations.list', {}, admin.token)).data).toHaveLength(1);
  });
});
