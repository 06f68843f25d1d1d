import { createHash } from 'node:crypto';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cloudWebhookPrefix } from '../../shared/cloud/types';
import { errorCodes } from '../../shared/errors';
import { seedWebhookPaths } from '../whatsapp/cloud/webhook/webhook-http';
import { flushDeferredWrites } from '../db/deferred-writes';
import { startApiOffice, type ApiOffice } from '../testing/api-office';
import { apiBase, routes } from './route-table';
import { openApiPath } from './openapi';

describe('the OpenAPI document', () => {
  let o: ApiOffice;
  beforeAll(async () => {
    o = await startApiOffice();
  });
  afterAll(() => o.close());

  it('documents every route, and every documented route answers (401 without a key, never 404)', async () => {
    const doc = (await (await fetch(`${o.url}/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const all = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    // Meta's webhook paths are documented too; they answer Meta's way (below), not with a key.
    const documented = all.filter((entry) => !entry.includes('/webhook/')).sort();
    expect(documented).toEqual(routes.map((r) => `${r.method} ${openApiPath(r.path)}`).sort());
    for (const entry of documented) {
      const [method, path] = entry.split(' ') as [string, string];
      const res = await fetch(`http://127.0.0.1:${o.port}${path.replace(/\{[a-zA-Z]+\}/g, '1')}`, { method });
      expect({ entry, status: res.status }).toEqual({ entry, status: 401 });
    }
    // And a route not documented is not there.
    expect((await fetch(`${o.url}/webhooks`, { method: 'GET' })).status).toBe(404);
  });

  it('documents Meta\'s webhook paths (verify with GET, events with POST), and each one answers as documented', async () => {
    const doc = (await (await fetch(`${o.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, { security: unknown[]; responses: Record<string, unknown> }>> };
    const webhook = Object.entries(doc.paths).filter(([path]) => path.includes('/webhook/')).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort();
    expect(webhook).toEqual(
      [
        `GET ${cloudWebhookPrefix}/{pathKey}`,
        `POST ${cloudWebhookPrefix}/{pathKey}`,
        ...seedWebhookPaths.flatMap((path) => (path.endsWith('/verify') ? [`GET ${path}`, `POST ${path}`] : [`POST ${path}`])),
      ].sort(),
    );
    for (const entry of webhook) {
      const [method, path] = entry.split(' ') as [string, string];
      const op = doc.paths[path]![method.toLowerCase()]!;
      expect(op.security).toEqual([]);
      // Unsigned events are refused (401), a verify without the token is forbidden (403): as documented.
      const expected = method === 'GET' ? '403' : '401';
      expect(Object.keys(op.responses)).toContain(expected);
      const res = await fetch(`http://127.0.0.1:${o.port}${path.replace('{pathKey}', 'no-such-key')}`, { method, ...(method === 'POST' ? { body: '{}', headers: { 'Content-Type': 'application/json' } } : {}) });
      expect({ entry, status: res.status }).toEqual({ entry, status: Number(expected) });
    }
  });

  it('takes request bodies from the contract\'s zod schemas', async () => {
    const doc = (await (await fetch(`${o.url}/openapi.json`)).json()) as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown>; required?: string[] } }> } }>> };
    const send = doc.paths[`${apiBase}/conversations/{id}/messages`]!.post!.requestBody!.content['application/json']!.schema;
    expect(Object.keys(send.properties).sort()).toEqual(['content', 'replyToId']);
    const number = doc.paths[`${apiBase}/numbers`]!.post!.requestBody!.content['application/json']!.schema;
    expect(number.properties.name).toMatchObject({ type: 'string', minLength: 2, maxLength: 100 });
    expect(number.required).toEqual(['name']);
  });

  it('is readable offline on a page with no script and nothing from outside', async () => {
    const res = await fetch(`${o.url}/docs`);
    const html = await res.text();
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(html).not.toMatch(/<script|https?:\/\/(?!127)/);
    for (const route of routes) expect(html).toContain(openApiPath(route.path));
    expect(html).toContain(`${cloudWebhookPrefix}/{pathKey}`);
  });
});

/** A fixed seed: the same run every time, and a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('fuzzed requests', () => {
  let o: ApiOffice;
  let key: string;
  beforeAll(async () => {
    o = await startApiOffice();
    key = (await o.newKey(o.w.admin.token, ['read', 'send', 'manage'])).secret;
    await o.request('GET', '/numbers', { key }); // its last use is written now, not during the fuzz
  });
  afterAll(() => o.close());

  /** Every row of every table, hashed: any change shows. */
  function databaseState(): string {
    const db = o.t.core.database.sqlite;
    const tables = (db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name").all() as { name: string }[]).map((t) => t.name);
    const h = createHash('sha256');
    for (const table of tables) h.update(table).update(JSON.stringify(db.prepare(`select * from "${table}"`).raw().all()));
    return h.digest('hex');
  }

  const wrongValues: unknown[] = [null, true, -1, 0, 1.5, 1e308, '', 'x'.repeat(70_000), [], [1, 'a'], {}, { $gt: 1 }, '<script>', '\u0000', '١٢٣'];

  it('answers 4xx in the error format to wrong types, huge, truncated and wrongly typed bodies, changes nothing and never crashes', async () => {
    // The search index catches up in the background; what it writes is not the fuzz's doing.
    o.t.core.searchIndex.stop();
    while (o.t.core.searchIndex.flush() > 0);
    // So do the dashboard's counts staged by the office's messages, flushed a second after them.
    flushDeferredWrites(o.t.core.database.sqlite);
    const before = databaseState();
    const next = random(18);
    const pick = <T,>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
    const bodyRoutes = routes.filter((r) => r.body);
    const statuses = new Map<number, number>();
    const check = (status: number, body: { success: boolean; error?: { code: string } }, what: string) => {
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      expect({ what, status: status >= 400 && status < 500 ? 4 : status }).toEqual({ what, status: 4 });
      expect(body.success).toBe(false);
      expect(errorCodes).toContain(body.error?.code);
    };
    for (let i = 0; i < 300; i++) {
      const route = pick(bodyRoutes);
      const path = route.path.replace(/:([a-zA-Z]+)/g, () => String(pick([o.w.mine.id, o.w.sales.id, o.w.template.id, 999_999])));
      const field = pick(['name', 'content', 'status', 'agentId', 'templateId', 'variables', 'quotaLimit', 'employeeId', 'isStarred', 'tags', 'phone', 'email', 'role', 'password', 'unknownField']);
      const kind = i % 6;
      let body: string;
      let type = 'application/json';
      if (kind === 0) body = JSON.stringify(pick(wrongValues.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v)))); // not an object at all
      else if (kind === 1) body = JSON.stringify({ [field]: pick(wrongValues), unknownField: 1 });
      else if (kind === 2) body = JSON.stringify({ [field]: pick(wrongValues) }).slice(0, Math.floor(next() * 10) + 1); // truncated JSON
      else if (kind === 3) {
        body = JSON.stringify({ content: 'x' });
        type = pick(['text/plain', 'application/xml', 'application/x-www-form-urlencoded', '']);
      } else if (kind === 4) body = JSON.stringify({ content: 'y'.repeat(1024 * 1024 + 10) });
      else body = JSON.stringify({ [field]: pick(wrongValues), id: 'not-an-id', conversationId: pick(wrongValues) });
      const headers: Record<string, string> = { Authorization: `Bearer ${key}`, 'Content-Type': type };
      if (route.send) headers['Idempotency-Key'] = pick(['', ' ', 'x'.repeat(300), 'ok-key-ä']);
      const res = await fetch(`${o.url}${path}`, { method: route.method, headers, body });
      const text = await res.text();
      check(res.status, JSON.parse(text) as { success: boolean }, `${route.method} ${path} kind ${kind}`);
    }
    for (const auth of ['', 'Bearer', 'Bearer ' + 'a'.repeat(5000), 'Basic Zm9vOmJhcg==', `Bearer ${key}x`, `bearer  ${key.slice(0, 20)}`]) {
      const res = await fetch(`${o.url}/numbers`, { headers: { Authorization: auth } });
      check(res.status, (await res.json()) as { success: boolean }, `auth ${auth.slice(0, 20)}`);
    }
    for (const query of ['?limit=0', '?limit=abc', '?page=-1', '?numberId=1e9999', '?starred=maybe', '?status=all&status=active', '?sortBy=__proto__', '?search=' + 'ش'.repeat(500)]) {
      const res = await fetch(`${o.url}/conversations${query}`, { headers: { Authorization: `Bearer ${key}` } });
      check(res.status, (await res.json()) as { success: boolean }, `query ${query}`);
    }
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([400, 413, 415]));
    expect(databaseState()).toBe(before);
    // Still serving.
    expect((await o.request('GET', '/numbers', { key })).status).toBe(200);
  });

  it('refuses a body declared larger than 1 MB before reading it, and survives a client that sends half a body and hangs up', async () => {
    const before = databaseState();
    const res = await fetch(`${o.url}/numbers`, { method: 'POST', headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json', 'Content-Length': String(5 * 1024 * 1024) }, body: 'x'.repeat(10), duplex: 'half' } as RequestInit).catch(() => null);
    if (res) expect(res.status).toBe(413);
    const socket = net.connect(o.port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`POST ${apiBase}/numbers HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${key}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"name":`);
    socket.destroy();
    expect((await o.request('GET', '/numbers', { key })).status).toBe(200);
    expect(databaseState()).toBe(before);
  });
});
