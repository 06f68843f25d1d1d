import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { eventually, manualClock, startTestCore, tempDir } from '../testing/test-core';
import { serveApi, startApiOffice, type ApiOffice } from '../testing/api-office';

describe('API keys', () => {
  let o: ApiOffice;
  beforeAll(async () => {
    o = await startApiOffice();
  });
  afterAll(() => o.close());

  it('shows the secret once, keeps only its hash, and lists the prefix, scopes, owner and last use', async () => {
    const created = await o.newKey(o.w.admin.token, ['read']);
    expect(created.secret).toMatch(/^mdk_[A-Za-z0-9_-]{43}$/);
    const rows = o.t.core.database.sqlite.prepare('select * from api_keys').all() as Record<string, unknown>[];
    expect(JSON.stringify(rows)).not.toContain(created.secret.slice(4));
    const listed = await o.t.call('apiKeys.list', {}, o.w.admin.token);
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(12));
    expect(listed.find((k) => k.id === created.key.id)).toMatchObject({ prefix: created.secret.slice(0, 12), scopes: ['read'], owner: { id: o.w.admin.user.id }, lastUsedAt: null, state: 'active' });
    await o.request('GET', '/numbers', { key: created.secret });
    const used = (await o.t.call('apiKeys.list', {}, o.w.admin.token)).find((k) => k.id === created.key.id)!;
    expect(used.lastUsedAt).not.toBeNull();
  });

  it('refuses a missing, unknown, revoked or expired key with 401 at once', async () => {
    expect((await o.request('GET', '/numbers')).status).toBe(401);
    expect((await o.request('GET', '/numbers', { key: 'mdk_not-a-real-key' })).body.error).toMatchObject({ code: 'UNAUTHORIZED' });
    const { secret, key } = await o.newKey(o.w.admin.token, ['read']);
    expect((await o.request('GET', '/numbers', { key: secret })).status).toBe(200);
    await o.t.call('apiKeys.revoke', { id: key.id }, o.w.admin.token);
    const refused = await o.request('GET', '/numbers', { key: secret });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    expect((await o.t.call('apiKeys.list', {}, o.w.admin.token)).find((k) => k.id === key.id)?.state).toBe('revoked');
  });

  it('refuses a key whose owner is deactivated', async () => {
    const { secret } = await o.newKey(o.w.admin.token, ['read'], { ownerId: o.w.rentalsAgent.user.id });
    expect((await o.request('GET', '/numbers', { key: secret })).status).toBe(200);
    await o.t.call('users.setActive', { id: o.w.rentalsAgent.user.id, isActive: false }, o.w.admin.token);
    expect((await o.request('GET', '/numbers', { key: secret })).status).toBe(401);
    await o.t.call('users.setActive', { id: o.w.rentalsAgent.user.id, isActive: true }, o.w.admin.token);
  });

  it('never gives a key more than its owner: an agent\'s key sees only their numbers and cannot manage numbers', async () => {
    const { secret } = await o.newKey(o.w.admin.token, ['read', 'send', 'manage'], { ownerId: o.w.agent.user.id });
    const numbers = await o.request('GET', '/numbers', { key: secret });
    expect((numbers.body.data as { id: number }[]).map((n) => n.id)).toEqual([o.w.sales.id]);
    const theirs = await o.request('GET', `/conversations/${o.w.theirs.id}`, { key: secret });
    expect(theirs.status).toBe(403);
    expect(theirs.body.error).toMatchObject({ code: 'FORBIDDEN', details: 'number_not_allowed' });
    expect((await o.request('POST', `/conversations/${o.w.theirs.id}/messages`, { key: secret, body: { content: 'x' } })).status).toBe(403);
    expect((await o.request('GET', `/numbers/${o.w.rentals.id}`, { key: secret })).status).toBe(403);
    expect((await o.request('POST', '/numbers', { key: secret, body: { name: 'Mine now' } })).status).toBe(403);
  });

  it('keeps a key limited to one number off the other, even for an admin\'s key', async () => {
    const { secret } = await o.newKey(o.w.admin.token, ['read', 'send', 'manage'], { numberIds: [o.w.sales.id] });
    const list = await o.request('GET', '/conversations', { key: secret });
    expect((list.body.data as { whatsappNumberId: number }[]).every((c) => c.whatsappNumberId === o.w.sales.id)).toBe(true);
    expect((await o.request('GET', `/conversations/${o.w.theirs.id}`, { key: secret })).status).toBe(403);
    expect((await o.request('GET', `/conversations/${o.w.theirs.id}/messages`, { key: secret })).status).toBe(403);
    expect((await o.request('PUT', `/numbers/${o.w.rentals.id}`, { key: secret, body: { name: 'Taken' } })).status).toBe(403);
    expect((await o.request('POST', '/numbers', { key: secret, body: { name: 'Another' } })).status).toBe(403);
    expect(((await o.request('GET', '/numbers', { key: secret })).body.data as { id: number }[]).map((n) => n.id)).toEqual([o.w.sales.id]);
    expect((await o.request('GET', `/conversations/${o.w.mine.id}`, { key: secret })).status).toBe(200);
  });

  it('holds a key to its scopes', async () => {
    const { secret } = await o.newKey(o.w.admin.token, ['read']);
    const send = await o.request('POST', `/conversations/${o.w.mine.id}/messages`, { key: secret, body: { content: 'hi' } });
    expect(send.status).toBe(403);
    expect(send.body.error?.code).toBe('FORBIDDEN');
    expect((await o.request('POST', '/templates', { key: secret, body: { name: 'x', content: 'y' } })).status).toBe(403);
  });

  it('is managed by admins only, and refuses an expiry in the past', async () => {
    expect(await o.t.failure('apiKeys.create', { name: 'mine', scopes: ['read'] }, o.w.agent.token)).toMatchObject({ code: 'FORBIDDEN' });
    expect(await o.t.failure('apiKeys.create', { name: 'old', scopes: ['read'], expiresAt: '2020-01-01T00:00:00Z' }, o.w.admin.token)).toMatchObject({ details: [{ field: 'expiresAt' }] });
  });

  it('turned off, the API answers 404 to every route; a foreign browser origin is refused unless listed', async () => {
    const { secret } = await o.newKey(o.w.admin.token, ['read']);
    const evil = await o.request('GET', '/numbers', { key: secret, headers: { Origin: 'http://evil.example' } });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    await o.t.call('api.updateSettings', { corsOrigins: ['http://crm.office.test'] }, o.w.admin.token);
    const listed = await o.request('GET', '/numbers', { key: secret, headers: { Origin: 'http://crm.office.test' } });
    expect(listed.status).toBe(200);
    expect(listed.headers.get('access-control-allow-origin')).toBe('http://crm.office.test');
    await o.t.call('api.updateSettings', { enabled: false, corsOrigins: [] }, o.w.admin.token);
    expect((await o.request('GET', '/numbers', { key: secret })).body.error).toMatchObject({ code: 'NOT_FOUND', details: 'api_disabled' });
    await o.t.call('api.updateSettings', { enabled: true }, o.w.admin.token);
  });
});

describe('limits', () => {
  it('gives 100 reads and 30 writes a minute per key, then 429 with retryAfter, Retry-After and RateLimit headers', async () => {
    const clock = manualClock();
    const o = await startApiOffice({ clock });
    try {
      const { secret } = await o.newKey(o.w.admin.token, ['read', 'manage']);
      const other = (await o.newKey(o.w.admin.token, ['read'])).secret;
      let last;
      for (let i = 0; i < 100; i++) last = await o.request('GET', '/templates', { key: secret });
      expect(last!.headers.get('ratelimit-limit')).toBe('100');
      expect(last!.headers.get('ratelimit-remaining')).toBe('0');
      const refused = await o.request('GET', '/templates', { key: secret });
      expect(refused.status).toBe(429);
      expect(refused.body.error).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', retryAfter: 60 });
      expect(refused.headers.get('retry-after')).toBe('60');
      expect(refused.headers.get('ratelimit-reset')).toBe('60');
      // Another key has its own allowance.
      expect((await o.request('GET', '/templates', { key: other })).status).toBe(200);
      for (let i = 0; i < 30; i++) expect((await o.request('POST', `/conversations/${o.w.mine.id}/star`, { key: secret })).status).toBe(200);
      expect((await o.request('POST', `/conversations/${o.w.mine.id}/star`, { key: secret })).status).toBe(429);
      clock.advance(60_000);
      expect((await o.request('GET', '/templates', { key: secret })).status).toBe(200);
    } finally {
      await o.close();
    }
  });

  it('refuses sends past the number\'s daily messages with 429 until the office\'s midnight, counting every path, across a restart', async () => {
    const clock = manualClock(Date.UTC(2026, 10, 25, 9, 0, 0)); // 12:00 in Riyadh: 12 h to midnight
    const o = await startApiOffice({ clock });
    const { secret } = await o.newKey(o.w.admin.token, ['send', 'manage']);
    await o.request('PUT', `/numbers/${o.w.sales.id}`, { key: secret, body: { quotaLimit: 3 } });
    // One answer from a window counts too.
    await o.t.call('messages.send', { conversationId: o.w.mine.id, content: 'from the inbox' }, o.w.admin.token);
    expect((await o.request('POST', `/conversations/${o.w.mine.id}/messages`, { key: secret, body: { content: '1' } })).status).toBe(201);
    expect((await o.request('POST', `/conversations/${o.w.mine.id}/messages`, { key: secret, body: { content: '2' } })).status).toBe(201);
    const refused = await o.request('POST', `/conversations/${o.w.mine.id}/messages`, { key: secret, body: { content: '3' } });
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'RATE_LIMIT_EXCEEDED', details: 'daily_quota_reached', retryAfter: 12 * 3600 });
    expect(refused.headers.get('retry-after')).toBe(String(12 * 3600));
    const dataDir = o.t.dataDir;
    await o.close();

    const again = startTestCore({ dataDir, clock });
    const served = await serveApi(again.core);
    try {
      expect((await served.request('POST', `/conversations/${o.w.mine.id}/messages`, { key: secret, body: { content: '3' } })).status).toBe(429);
      clock.advance(12 * 3600 * 1000);
      expect((await served.request('POST', `/conversations/${o.w.mine.id}/messages`, { key: secret, body: { content: '3' } })).status).toBe(201);
    } finally {
      await served.close();
      await again.close();
    }
  });
});

describe('Idempotency-Key', () => {
  it('returns the first answer to a repeat and sends once, also at once and after a restart; another request under it is refused', async () => {
    const dataDir = tempDir();
    const o = await startApiOffice({ dataDir });
    const { secret } = await o.newKey(o.w.admin.token, ['send']);
    const send = (content: string) => o.request('POST', `/conversations/${o.w.mine.id}/messages`, { key: secret, body: { content }, headers: { 'Idempotency-Key': 'order-77' } });
    const [a, b] = await Promise.all([send('موعدك الأحد'), send('موعدك الأحد')]);
    const c = await send('موعدك الأحد');
    expect(a.status).toBe(201);
    expect(b.body).toEqual(a.body);
    expect(c.body).toEqual(a.body);
    expect(c.headers.get('idempotent-replayed')).toBe('true');
    const count = (db: typeof o.t.core.database.sqlite) => (db.prepare("select count(*) as n from messages where content = 'موعدك الأحد'").get() as { n: number }).n;
    expect(count(o.t.core.database.sqlite)).toBe(1);
    expect((await send('رسالة أخرى')).body.error).toMatchObject({ code: 'UNPROCESSABLE_ENTITY', details: 'idempotency_key_reused' });
    await o.close();

    const again = startTestCore({ dataDir });
    const served = await serveApi(again.core);
    try {
      const after = await served.request('POST', `/conversations/${o.w.mine.id}/messages`, { key: secret, body: { content: 'موعدك الأحد' }, headers: { 'Idempotency-Key': 'order-77' } });
      expect(after.body).toEqual(a.body);
      expect(count(again.core.database.sqlite)).toBe(1);
      expect((await served.request('POST', `/conversations/${o.w.mine.id}/messages`, { key: secret, body: { content: 'x' }, headers: { 'Idempotency-Key': 'bad key with spaces' } })).status).toBe(400);
    } finally {
      await served.close();
      await again.close();
    }
  });
});

describe('events for API clients', () => {
  it('pushes message.new for the key\'s numbers only, and refuses a revoked key', async () => {
    const o = await startApiOffice();
    try {
      const { secret, key } = await o.newKey(o.w.admin.token, ['read'], { numberIds: [o.w.sales.id] });
      const ws = new WebSocket(`ws://127.0.0.1:${o.port}/ws/whatsapp?token=${secret}`);
      const received: { event: string; data: { conversationId: number } }[] = [];
      ws.on('message', (raw) => received.push(JSON.parse(String(raw)) as (typeof received)[number]));
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      // An answer on Rentals (not the key's number), then one on Sales.
      await o.t.call('messages.send', { conversationId: o.w.theirs.id, content: 'من الإيجارات' }, o.w.admin.token);
      await o.t.call('messages.send', { conversationId: o.w.mine.id, content: 'من المبيعات' }, o.w.admin.token);
      const first = await eventually(() => received.find((m) => m.event === 'message.new') ?? false);
      expect(first).toMatchObject({ event: 'message.new', data: { conversationId: o.w.mine.id, message: { content: 'من المبيعات' } } });
      expect(received.every((m) => m.data.conversationId === o.w.mine.id)).toBe(true);
      ws.close();
      await o.t.call('apiKeys.revoke', { id: key.id }, o.w.admin.token);
      const refused = new WebSocket(`ws://127.0.0.1:${o.port}/ws/whatsapp?token=${secret}`);
      const status = await new Promise<number>((resolve) => refused.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0)).once('error', () => resolve(-1)));
      expect(status).toBe(401);
    } finally {
      await o.close();
    }
  });
});

describe('what reaches the log', () => {
  it('never holds a key\'s secret, whatever the request did', async () => {
    const logged: string[] = [];
    const record = (level: string) => (message: string, fields?: Record<string, unknown>) => void logged.push(`${level} ${message} ${JSON.stringify(fields ?? {})}`);
    const o = await startApiOffice({ logger: { info: record('info'), warn: record('warn'), error: record('error') } });
    try {
      const { secret, key } = await o.newKey(o.w.admin.token, ['read', 'send']);
      await o.request('GET', '/numbers', { key: secret });
      await o.request('POST', `/conversations/${o.w.mine.id}/messages`, { key: secret, body: { content: 'x' }, headers: { 'Idempotency-Key': 'a' } });
      await o.request('POST', `/conversations/${o.w.mine.id}/messages`, { key: secret, body: '{"content":', headers: { 'Content-Type': 'application/json' } });
      await o.request('GET', '/numbers', { key: `${secret}x` });
      const ws = new WebSocket(`ws://127.0.0.1:${o.port}/ws/whatsapp?token=${secret}`);
      await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
      ws.close();
      await o.t.call('apiKeys.revoke', { id: key.id }, o.w.admin.token);
      await o.request('GET', '/numbers', { key: secret });
      const activity = JSON.stringify(o.t.core.database.sqlite.prepare('select * from activity_log').all());
      expect(activity).toContain('api_key.created');
      for (const text of [...logged, activity]) expect(text).not.toContain(secret.slice(4, 20));
    } finally {
      await o.close();
    }
  });
});
