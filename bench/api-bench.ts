import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mountApi } from '../src/main/api/mount-api';
import type { Core } from '../src/main/core/create-core';
import { distribution, describe, heading, line, perSecond, target, thousands } from './report';

/** Keep-alive requests on loopback, `concurrency` at a time; resolves with each one's time in ms. */
async function load(port: number, requests: { method: string; path: string; headers: Record<string, string>; body?: string }[], concurrency: number) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const times: number[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < requests.length) {
      const r = requests[next++]!;
      const t0 = performance.now();
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, method: r.method, path: r.path, headers: r.headers, agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
        req.end(r.body);
      });
      times.push(performance.now() - t0);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - started;
  agent.destroy();
  return { times, elapsed, statuses };
}

const statusText = (s: Map<number, number>) => [...s].map(([k, v]) => `${k}×${v}`).join(', ');

/**
 * Issue 18: the REST API on the 100k/1M database, through a real HTTP server and real keys
 * (each key keeps seed 003's limits, so the load is spread over keys the way several
 * integrations would spread it).
 */
export async function benchApi(core: Core, token: string): Promise<void> {
  heading('REST API (/api/v1/whatsapp, loopback, a key per integration)');
  const as = (channel: string, input: unknown) => core.router.call(channel, input, { clientKey: 'bench', token });
  await as('api.updateSettings', { enabled: true });
  const keyPool = async (n: number, scopes: string[]) => {
    const keys: string[] = [];
    for (let i = 0; i < n; i++) {
      const created = await as('apiKeys.create', { name: `bench ${scopes.join('+')} ${i}`, scopes });
      if (!created.result.success) throw new Error(JSON.stringify(created.result.error));
      keys.push((created.result.data as { secret: string }).secret);
    }
    return keys;
  };
  const api = mountApi(core, (_req, res) => res.writeHead(404).end());
  const server = http.createServer(api.handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const bare = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end('{"success":true,"data":[]}');
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  try {
    // Seed 003's 100 reads a minute per key: 90 requests per key.
    const listRequests = (count: number, keys: string[]) =>
      Array.from({ length: count }, (_, i) => ({ method: 'GET', path: '/api/v1/whatsapp/conversations?limit=20', headers: { Authorization: `Bearer ${keys[Math.floor(i / 90)]!}` } }));
    const warm = await keyPool(1, ['read']);
    await load(port, listRequests(20, warm), 1);
    const c1 = await load(port, listRequests(300, await keyPool(4, ['read'])), 1);
    const d = distribution(c1.times);
    target('conversation list, first page, c=1', describe(d), d.median < 5, '< 5 ms median');
    const bareC1 = await load((bare.address() as AddressInfo).port, Array.from({ length: 300 }, () => ({ method: 'GET', path: '/', headers: {} })), 1);
    line('bare node:http 200 handler, c=1 (this machine now)', describe(distribution(bareC1.times)));
    const c8 = await load(port, listRequests(3600, await keyPool(40, ['read'])), 8);
    const bareRun = await load((bare.address() as AddressInfo).port, Array.from({ length: 3600 }, () => ({ method: 'GET', path: '/', headers: {} })), 8);
    line('conversation list, first page, c=8', `${thousands(perSecond(c8.times.length, c8.elapsed))} req/s (${statusText(c8.statuses)})`);
    line('bare node:http 200 handler, c=8', `${thousands(perSecond(bareRun.times.length, bareRun.elapsed))} req/s`);

    // 1,000 sends with Idempotency-Key, spread over the five numbers' conversations, 30 writes a minute per key.
    const conversations = new Map<number, number>();
    const all = await as('conversations.list', { limit: 100 });
    for (const c of (all.result as { data: { data: { id: number; whatsappNumberId: number }[] } }).data.data) if (!conversations.has(c.whatsappNumberId)) conversations.set(c.whatsappNumberId, c.id);
    for (const numberId of conversations.keys()) await as('numbers.update', { id: numberId, quotaLimit: 100_000 });
    const targets = [...conversations.values()];
    const sendKeys = await keyPool(35, ['send']);
    const sends = Array.from({ length: 1000 }, (_, i) => ({
      method: 'POST',
      path: `/api/v1/whatsapp/conversations/${targets[i % targets.length]!}/messages`,
      headers: { Authorization: `Bearer ${sendKeys[Math.floor(i / 29)]!}`, 'Content-Type': 'application/json', 'Idempotency-Key': `bench-send-${i}` },
      body: JSON.stringify({ content: `رسالة تجريبية ${i}` }),
    }));
    const sent = await load(port, sends, 8);
    const rate = perSecond(sent.times.length, sent.elapsed);
    target('1,000 idempotent sends into the outbox, c=8', `${thousands(rate)}/s (${statusText(sent.statuses)})`, rate >= 500 && sent.statuses.get(201) === 1000, '≥ 500/s');
    // Each key has one write left this minute: one repeat per key.
    const again = await load(port, sendKeys.map((_, k) => sends[k * 29]!).filter(Boolean), 8);
    const stored = core.database.sqlite.prepare("select count(*) as n from messages where content like 'رسالة تجريبية %'").get() as { n: number };
    line('sent again (same keys and Idempotency-Keys)', `${statusText(again.statuses)}; messages stored: ${thousands(stored.n)} (of 1,000)`);
  } finally {
    api.close();
    server.closeAllConnections();
    bare.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await new Promise<void>((resolve) => bare.close(() => resolve()));
  }
}
