import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { eventually, manualClock, startTestCore, tempDir, type ManualClock } from '../../testing/test-core';
import { startWebhookReceiver, type WebhookReceiver } from '../../testing/webhook-receiver';

type TestCore = ReturnType<typeof startTestCore>;
const cores: TestCore[] = [];
const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  for (const t of cores.splice(0)) await t.close();
  for (const r of receivers.splice(0)) await r.close();
});

async function office(options: { clock?: ManualClock; dataDir?: string; requestTimeoutMs?: number } = {}) {
  const clock = options.clock ?? manualClock();
  const t = startTestCore({
    clock,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    ...(options.requestTimeoutMs ? { webhookRetryPolicy: { firstRetryMs: 30_000, maxRetryMs: 3_600_000, giveUpAfterMs: 86_400_000, requestTimeoutMs: options.requestTimeoutMs } } : {}),
  });
  cores.push(t);
  return { t, clock };
}

async function receiver(script: (number | 'hold')[] = [], then: number | 'hold' = 200) {
  const r = await startWebhookReceiver(script, then);
  receivers.push(r);
  return r;
}

const deliveryRows = (t: TestCore) =>
  t.core.database.sqlite.prepare('select endpoint_id, event, status, attempts, last_status_code, last_error from webhook_deliveries order by id').all() as {
    endpoint_id: number;
    event: string;
    status: string;
    attempts: number;
    last_status_code: number | null;
    last_error: string | null;
  }[];

/** The README's recipe, written out independently of the core's own signing code. */
function verifies(secret: string, post: { headers: Record<string, unknown>; body: string }): boolean {
  const timestamp = String(post.headers['x-meras-timestamp']);
  const expected = 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${post.body}`).digest('hex');
  return post.headers['x-meras-signature'] === expected;
}

let phone = 0;
const newContact = (t: TestCore, token: string) => t.call('contacts.create', { name: 'ناصر العتيبي', phone: `+9665000000${String(++phone).padStart(2, '0')}` }, token);

describe('CRM webhooks', () => {
  it('a receiver that fails twice then succeeds gets the event, signed as documented, and nothing more after its 2xx', async () => {
    const { t, clock } = await office();
    const admin = await t.setupAdmin();
    const crm = await receiver([500, 503]);
    const { secret, endpoint } = await t.call('webhooks.create', { url: crm.url, events: ['contact.created'] }, admin.token);

    const contact = await newContact(t, admin.token);
    await eventually(() => expect(deliveryRows(t)[0]).toMatchObject({ attempts: 1, last_status_code: 500, status: 'pending' }));
    // Not tried again before its backoff: 30 s, then 60 s.
    clock.advance(29_000);
    expect(crm.posts).toHaveLength(1);
    clock.advance(1_000);
    await eventually(() => expect(deliveryRows(t)[0]).toMatchObject({ attempts: 2, last_status_code: 503 }));
    clock.advance(60_000);
    await eventually(() => expect(deliveryRows(t)[0]).toMatchObject({ attempts: 3, status: 'delivered', last_status_code: 200 }));

    expect(crm.posts).toHaveLength(3);
    expect(new Set(crm.posts.map((p) => p.body)).size).toBe(1);
    const body = JSON.parse(crm.posts[2]!.body) as { id: string; event: string; createdAt: string; data: { contact: { id: number } } };
    expect(body).toMatchObject({ event: 'contact.created', createdAt: new Date(clock.now() - 90_000).toISOString(), data: { contact: { id: contact.id } } });
    expect(crm.posts[2]!.headers['x-meras-delivery']).toBe(body.id);
    expect(crm.posts.every((p) => verifies(secret, p))).toBe(true);
    expect(verifies('whsec_wrong', crm.posts[2]!)).toBe(false);

    // Nothing waits any more: a day later the receiver still has its three POSTs.
    clock.advance(24 * 3_600_000);
    expect(clock.nextWake()).toBeNull();
    expect(crm.posts).toHaveLength(3);

    // A day on, the admin signs in again to read the log.
    const { token } = await t.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' });
    const log = await t.call('webhooks.deliveries', { endpointId: endpoint.id }, token);
    expect(log.items).toMatchObject([{ event: 'contact.created', status: 'delivered', attempts: 3, lastStatusCode: 200 }]);
    // The secret is shown once: no later answer carries it.
    expect(JSON.stringify(await t.call('webhooks.list', {}, token))).not.toContain(secret);
  });

  it('a restart with deliveries queued loses none and sends none twice once a 2xx was recorded', async () => {
    const dataDir = tempDir();
    const clock = manualClock();
    const first = await office({ clock, dataDir });
    const admin = await first.t.setupAdmin();
    const crm = await receiver([200], 500);
    await first.t.call('webhooks.create', { url: crm.url, events: ['contact.created', 'contact.updated'] }, admin.token);
    const a = await newContact(first.t, admin.token);
    await eventually(() => expect(deliveryRows(first.t)[0]).toMatchObject({ status: 'delivered' }));
    await newContact(first.t, admin.token);
    clock.advance(1_000);
    await first.t.call('contacts.update', { id: a.id, name: 'ناصر محمد' }, admin.token);
    await eventually(() => expect(deliveryRows(first.t).filter((r) => r.attempts === 1 && r.status === 'pending')).toHaveLength(2));
    await first.t.close();
    cores.splice(cores.indexOf(first.t), 1);

    crm.answerWith(200);
    clock.advance(30_000);
    const second = await office({ clock, dataDir });
    await eventually(() => expect(deliveryRows(second.t).map((r) => r.status)).toEqual(['delivered', 'delivered', 'delivered']));
    const accepted = crm.posts.filter((p) => p.answered === 200).map((p) => (JSON.parse(p.body) as { event: string; id: string }).event);
    expect(accepted.sort()).toEqual(['contact.created', 'contact.created', 'contact.updated']);
    await second.t.close();
    cores.splice(cores.indexOf(second.t), 1);

    // A further restart finds nothing left to send.
    const third = await office({ clock, dataDir });
    clock.advance(3_600_000);
    expect(clock.nextWake()).toBeNull();
    expect(deliveryRows(third.t).map((r) => r.status)).toEqual(['delivered', 'delivered', 'delivered']);
    expect(crm.posts.filter((p) => p.answered === 200)).toHaveLength(3);
  });

  it('a paused endpoint gets nothing while the running one gets the event', async () => {
    const { t } = await office();
    const admin = await t.setupAdmin();
    const paused = await receiver();
    const running = await receiver();
    const p = await t.call('webhooks.create', { url: paused.url, events: ['contact.created'] }, admin.token);
    await t.call('webhooks.create', { url: running.url, events: ['contact.created'] }, admin.token);
    expect(await t.call('webhooks.update', { id: p.endpoint.id, paused: true }, admin.token)).toMatchObject({ paused: true, pausedReason: 'admin' });

    await newContact(t, admin.token);
    await eventually(() => expect(running.posts).toHaveLength(1));
    expect(paused.posts).toEqual([]);
    expect(deliveryRows(t).map((r) => r.endpoint_id)).not.toContain(p.endpoint.id);
    // Resumed, it gets what happens from then on.
    await t.call('webhooks.update', { id: p.endpoint.id, paused: false }, admin.token);
    await newContact(t, admin.token);
    await eventually(() => expect(paused.posts).toHaveLength(1));
  });

  it('a slow receiver does not hold another endpoint; it times out and is retried', async () => {
    const { t } = await office({ requestTimeoutMs: 200 });
    const admin = await t.setupAdmin();
    const slow = await receiver([], 'hold');
    const quick = await receiver();
    const s = await t.call('webhooks.create', { url: slow.url, events: ['contact.created'] }, admin.token);
    await t.call('webhooks.create', { url: quick.url, events: ['contact.created'] }, admin.token);
    await newContact(t, admin.token);
    await eventually(() => expect(quick.posts).toHaveLength(1));
    await eventually(() => expect(deliveryRows(t).find((r) => r.endpoint_id === s.endpoint.id)).toMatchObject({ status: 'pending', attempts: 1, last_error: 'timeout' }));
  });

  it('an endpoint failing for 24 hours gives up, is paused, and admins are told', async () => {
    const { t, clock } = await office();
    const admin = await t.setupAdmin();
    await t.createUser(admin.token, 'agent', 'agent@office.test');
    const crm = await receiver([], 500);
    const { endpoint } = await t.call('webhooks.create', { url: crm.url, events: ['contact.created'] }, admin.token);
    await newContact(t, admin.token);
    for (let attempts = 1; ; attempts++) {
      await eventually(() => expect(deliveryRows(t)[0]!.attempts).toBe(attempts));
      const next = clock.nextWake();
      if (next === null) break;
      clock.advance(next - clock.now());
    }
    expect(deliveryRows(t)[0]).toMatchObject({ status: 'failed', last_status_code: 500 });
    expect(crm.posts.length).toBeGreaterThan(20);
    const signIn = (email: string, password: string) => t.call('auth.signIn', { email, password }).then((s) => s.token);
    const adminToken = await signIn('admin@office.test', 'admin-pass-123');
    const agentToken = await signIn('agent@office.test', 'user-pass-123');
    expect((await t.call('webhooks.list', {}, adminToken))[0]).toMatchObject({ id: endpoint.id, paused: true, pausedReason: 'failing' });
    expect((await t.call('notifications.list', {}, adminToken)).items.filter((n) => n.type === 'webhook_paused')).toMatchObject([{ params: { url: crm.url } }]);
    expect((await t.call('notifications.list', {}, agentToken)).items.map((n) => n.type)).not.toContain('webhook_paused');
  });

  it('send test reaches the endpoint and shows in its delivery log', async () => {
    const { t } = await office();
    const admin = await t.setupAdmin();
    const crm = await receiver();
    const { endpoint, secret } = await t.call('webhooks.create', { url: crm.url, events: ['offer.changed'] }, admin.token);
    await t.call('webhooks.sendTest', { id: endpoint.id }, admin.token);
    await eventually(() => expect(crm.posts).toHaveLength(1));
    expect(JSON.parse(crm.posts[0]!.body)).toMatchObject({ event: 'webhook.test' });
    expect(verifies(secret, crm.posts[0]!)).toBe(true);
    await eventually(async () => expect((await t.call('webhooks.deliveries', { endpointId: endpoint.id }, admin.token)).items).toMatchObject([{ status: 'delivered', lastStatusCode: 200 }]));
  });

  it('agents and supervisors are refused every webhook channel', async () => {
    const { t } = await office();
    const admin = await t.setupAdmin();
    const { endpoint } = await t.call('webhooks.create', { url: 'https://crm.example/hook', events: ['message.new'] }, admin.token);
    for (const role of ['agent', 'supervisor'] as const) {
      const user = await t.createUser(admin.token, role, `${role}@office.test`);
      expect(await t.failure('webhooks.list', {}, user.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await t.failure('webhooks.create', { url: 'https://crm.example/other', events: ['message.new'] }, user.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await t.failure('webhooks.update', { id: endpoint.id, paused: true }, user.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await t.failure('webhooks.delete', { id: endpoint.id }, user.token)).toMatchObject({ code: 'FORBIDDEN' });
      expect(await t.failure('webhooks.sendTest', { id: endpoint.id }, user.token)).toMatchObject({ code: 'FORBIDDEN' });
    }
    expect(await t.call('webhooks.list', {}, admin.token)).toMatchObject([{ id: endpoint.id, paused: false }]);
  });

  it('a bad address or an unknown event is refused and changes nothing', async () => {
    const { t } = await office();
    const admin = await t.setupAdmin();
    const { endpoint } = await t.call('webhooks.create', { url: 'https://crm.example/hook', events: ['message.new'] }, admin.token);
    const tables = () => t.core.database.sqlite.prepare('select (select json_group_array(json_array(id, url, events, paused_at)) from webhook_endpoints) as e, (select count(*) from webhook_deliveries) as d').get();
    const before = tables();
    for (const url of ['http://crm.example/hook', 'ftp://crm.example/hook', 'not a url', 'https://user:pass@crm.example/hook', 'javascript:alert(1)']) {
      expect(await t.failure('webhooks.create', { url, events: ['message.new'] }, admin.token)).toMatchObject({ code: 'VALIDATION_ERROR' });
    }
    expect(await t.failure('webhooks.create', { url: 'https://crm.example/b', events: ['message.deleted'] }, admin.token)).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await t.failure('webhooks.create', { url: 'https://crm.example/b', events: [] }, admin.token)).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await t.failure('webhooks.update', { id: endpoint.id, events: ['nope'] }, admin.token)).toMatchObject({ code: 'VALIDATION_ERROR' });
    expect(await t.failure('webhooks.update', { id: 999, paused: true }, admin.token)).toMatchObject({ code: 'NOT_FOUND' });
    expect(tables()).toEqual(before);
    // http is accepted for this computer, for a receiver under development.
    expect((await t.call('webhooks.create', { url: 'http://localhost:4000/hook', events: ['viewing.booked'] }, admin.token)).endpoint.url).toBe('http://localhost:4000/hook');
  });
});
