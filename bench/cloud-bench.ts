import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { cloudCallbackPath } from '../src/shared/cloud/types';
import { silentLogger } from '../src/main/base/logger';
import { createCore } from '../src/main/core/create-core';
import { databaseFileName } from '../src/main/db/open-database';
import { startHost } from '../src/main/host/start-host';
import { signatureFor } from '../src/main/whatsapp/cloud/webhook/signature';
import { insertCloudNumber } from '../src/main/whatsapp/cloud/webhook/testing/cloud-number';
import { benchBodies } from '../src/main/whatsapp/cloud/webhook/testing/meta-payloads';
import { heading, line, ms, target, thousands } from './report';

const requests = 20_000;
const repeatShare = 0.1;
const connections = 32;
const phoneNumberId = '109000000000001';
const appSecret = 'bench-app-secret';
const pathKey = 'bench-path-key';
/** How long the backlog is waited for at most (the target is 5 s). */
const backlogGiveUpMs = 60_000;

/**
 * Meta's side in a thread of its own (its own event loop, as Meta is another computer): 32
 * keep-alive connections posting the signed bodies in order, each request timed from write to
 * the 200's last byte.
 */
const senderSource = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const { port, path, bodies, signatures, connections } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const times = new Float64Array(bodies.length);
const statuses = {};
let next = 0;
function one(i) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request({ host: '127.0.0.1', port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(bodies[i]), 'x-hub-signature-256': signatures[i] } }, (res) => {
      res.resume();
      res.on('end', () => { times[i] = performance.now() - started; statuses[res.statusCode] = (statuses[res.statusCode] || 0) + 1; resolve(); });
    });
    req.on('error', reject);
    req.end(bodies[i]);
  });
}
async function lane() { while (next < bodies.length) await one(next++); }
const started = performance.now();
Promise.all(Array.from({ length: connections }, lane)).then(() => {
  const total = performance.now() - started;
  agent.destroy();
  parentPort.postMessage({ total, times, statuses });
}, (error) => parentPort.postMessage({ error: String(error) }));
`;

interface Run {
  total: number;
  times: Float64Array;
  statuses: Record<string, number>;
}

function send(port: number, urlPath: string, bodies: string[], signatures: string[]): Promise<Run> {
  const worker = new Worker(senderSource, { eval: true, workerData: { port, path: urlPath, bodies, signatures, connections } });
  return new Promise<Run>((resolve, reject) => {
    worker.once('message', (m: Run & { error?: string }) => (m.error ? reject(new Error(m.error)) : resolve(m)));
    worker.once('error', reject);
  }).finally(() => void worker.terminate());
}

/**
 * What the desk's own thread did while Meta's side was sending: its busy time per request (event
 * loop utilisation: wall time out of the poll wait, so a loaded machine inflates it too; near
 * 1,000,000 / req/s means the thread was saturated) and how late its event loop ran (p99): what
 * a request waits before it is even read. The bare handler's figures are the same run's floor.
 */
interface Loop {
  busyUsPerRequest: number;
  delayP99Ms: number;
}

async function watched<T>(work: () => Promise<T>): Promise<{ result: T; loop: Loop }> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const before = performance.eventLoopUtilization();
  delay.enable();
  const result = await work();
  delay.disable();
  const used = performance.eventLoopUtilization(before);
  return { result, loop: { busyUsPerRequest: (used.active * 1000) / requests, delayP99Ms: delay.percentile(99) / 1e6 } };
}

const quantile = (sorted: Float64Array, q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

/** 18,000 distinct bodies (a message, then its sent, delivered and read) and 2,000 repeats of earlier ones, in a fixed order. */
function workload(at: number): { bodies: string[]; groups: number } {
  const groups = Math.round((requests * (1 - repeatShare)) / 4);
  const unique = Array.from({ length: groups }, (_, i) => benchBodies(i, phoneNumberId, at + i)).flat();
  let s = 42;
  const random = () => ((s = (s * 1664525 + 1013904223) >>> 0), s / 2 ** 32);
  const bodies = [...unique];
  for (let r = 0; r < requests - unique.length; r++) {
    // A repeat comes some time after its original (Meta retrying), never before it.
    const original = Math.floor(random() * unique.length);
    const at = original + 1 + Math.floor(random() * (bodies.length - original));
    bodies.splice(at, 0, unique[original]!);
  }
  return { bodies, groups };
}

/**
 * Issue 19: 20,000 signed Meta-shaped webhooks (one message to three statuses, 10% repeats) over
 * 32 loopback connections against the real host (`startHost`) on a fresh SQLite file, beside a
 * bare 200 handler in the same run; then the backlog's processing, and rows counted: none lost,
 * none doubled.
 */
export async function benchCloudWebhooks(migrationsDir: string, workDir: string): Promise<void> {
  heading(`Cloud API webhooks (${thousands(requests)} signed bodies, ${repeatShare * 100}% repeats, ${connections} connections, loopback)`);
  line('load average at start (1, 5, 15 min)', os.loadavg().map((l) => l.toFixed(2)).join(', '));
  fs.rmSync(workDir, { recursive: true, force: true });
  fs.mkdirSync(workDir, { recursive: true });
  const rendererDir = path.join(workDir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Meras Desk</title>');
  const dataDir = path.join(workDir, 'data');
  const at = Math.floor(Date.now() / 1000) - 3600;
  const { bodies, groups } = workload(at);
  const signatures = bodies.map((b) => signatureFor(b, appSecret));

  // The office: a linked Cloud number, and our answers the statuses are about (sent, awaiting ticks).
  const setup = createCore({ dataDir, migrationsDir, logger: silentLogger });
  try {
    const { sqlite } = setup.database;
    const numberId = insertCloudNumber(sqlite, { name: 'Cloud', phoneNumberId, wabaId: 'WABA', accessToken: 't', appSecret, verifyToken: 'v', pathKey });
    sqlite.transaction(() => {
      const contact = Number(sqlite.prepare("insert into contacts (phone, name, created_at, updated_at) values ('+966500999999', 'عميل', 0, 0)").run().lastInsertRowid);
      const conversation = Number(sqlite.prepare("insert into conversations (contact_id, whatsapp_number_id, status, created_at, updated_at) values (?, ?, 'active', 0, 0)").run(contact, numberId).lastInsertRowid);
      const answer = sqlite.prepare("insert into messages (conversation_id, whatsapp_number_id, content, type, sender, status, whatsapp_message_id, created_at) values (?, ?, 'رد', 'text', 'agent', 'sent', ?, ?)");
      for (let i = 0; i < groups; i++) answer.run(conversation, numberId, `wamid.OUT${i}`, (at + i) * 1000);
    })();
  } finally {
    await setup.close();
  }

  // The bare handler: reads the body and answers 200, nothing else (the loopback's and the client's own cost).
  const bare = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      res.end('{"success":true}');
    });
  });
  await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
  const { result: bareRun, loop: bareLoop } = await watched(() => send((bare.address() as AddressInfo).port, '/', bodies, signatures));
  await new Promise<void>((resolve) => bare.close(() => resolve()));

  const host = await startHost({ dataDir, migrationsDir, rendererDir, port: 0, lan: false, logger: silentLogger });
  let run: Run;
  let hostLoop: Loop;
  let backlogMs: number;
  try {
    ({ result: run, loop: hostLoop } = await watched(() => send(host.port, cloudCallbackPath(pathKey), bodies, signatures)));
    const lastAnswer = performance.now();
    // A reader of its own (WAL): the inbox empties as the host processes it.
    const reader = new Database(path.join(dataDir, databaseFileName), { readonly: true });
    const waiting = reader.prepare('select count(*) as n from cloud_webhook_inbox');
    // Bounded: a receiver that stopped processing shows as a missed target and lost rows, not a bench that never ends.
    while ((waiting.get() as { n: number }).n > 0 && performance.now() - lastAnswer < backlogGiveUpMs) await new Promise((resolve) => setTimeout(resolve, 5));
    backlogMs = performance.now() - lastAnswer;
    reader.close();
  } finally {
    await host.stop();
  }

  const db = new Database(path.join(dataDir, databaseFileName), { readonly: true });
  const stored = db.prepare("select count(*) as n, count(distinct whatsapp_message_id) as d from messages where whatsapp_message_id like 'wamid.BENCH%'").get() as { n: number; d: number };
  const read = (db.prepare("select count(*) as n from messages where whatsapp_message_id like 'wamid.OUT%' and status = 'read'").get() as { n: number }).n;
  db.close();

  const report = (label: string, r: Run) => {
    const sorted = Float64Array.from(r.times).sort();
    return { rate: (bodies.length * 1000) / r.total, p50: quantile(sorted, 0.5), p99: quantile(sorted, 0.99), label };
  };
  const b = report('bare', bareRun);
  const c = report('host', run);
  line('bare 200 handler (same client, same run)', `${thousands(b.rate)} req/s, p50 ${ms(b.p50)}, p99 ${ms(b.p99)}`);
  line('desk thread busy per request, wall (bare handler)', `${hostLoop.busyUsPerRequest.toFixed(0)} µs (${bareLoop.busyUsPerRequest.toFixed(0)} µs), processing included`);
  line('event loop delay p99 (bare handler)', `${ms(hostLoop.delayP99Ms)} (${ms(bareLoop.delayP99Ms)})`);
  line('answers from the host', Object.entries(run.statuses).map(([s, n]) => `${thousands(n)} × ${s}`).join(', '));
  target('webhooks acknowledged per second', `${thousands(c.rate)} req/s`, c.rate >= 1000 && run.statuses['200'] === bodies.length, '≥ 1,000/s');
  target('time to 200, p99', `p50 ${ms(c.p50)}, p99 ${ms(c.p99)}`, c.p99 < 25, '< 25 ms');
  target('backlog processed after the last 200', `${(backlogMs / 1000).toFixed(2)} s`, backlogMs <= 5_000, '≤ 5 s');
  target('messages stored once each (rows counted)', `${thousands(stored.n)} rows, ${thousands(stored.d)} distinct of ${thousands(groups)}`, stored.n === groups && stored.d === groups, `${thousands(groups)}, 0 lost, 0 doubled`);
  target('answers at their furthest status (read)', `${thousands(read)} of ${thousands(groups)}`, read === groups, `${thousands(groups)}`);
  line('load average at the end (1, 5, 15 min)', os.loadavg().map((l) => l.toFixed(2)).join(', '));
}
