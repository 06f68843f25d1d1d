import { Worker } from 'node:worker_threads';
import { createCore } from '../src/main/core/create-core';
import { silentLogger } from '../src/main/base/logger';
import { systemClock } from '../src/main/base/clock';
import { openDatabase } from '../src/main/db/open-database';
import { ActivityLog } from '../src/main/services/activity/activity-log';
import { WebhookEndpoints } from '../src/main/services/webhooks/webhook-endpoints';
import { webhookSecretBox } from '../src/main/services/webhooks/webhook-secrets';
import { benchAdmin, benchPassword } from './generate';
import { heading, line, perSecond, target, thousands } from './report';

const deliveries = 10_000;

/**
 * A CRM on loopback in a thread of its own (a CRM is never on the core's event loop): answers
 * 200 to every POST, counts them by event id, and says so once `expected` have arrived.
 */
const receiverSource = `
const http = require('node:http');
const { parentPort, workerData } = require('node:worker_threads');
const seen = new Map();
let posts = 0;
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const id = String(req.headers['x-meras-delivery']);
    seen.set(id, (seen.get(id) ?? 0) + 1);
    posts++;
    res.writeHead(200).end();
    if (posts === workerData.expected) parentPort.postMessage({ done: true, posts, events: seen.size, twice: [...seen.values()].filter((n) => n > 1).length });
  });
});
server.keepAliveTimeout = 30000;
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
`;

async function countingReceiver(expected: number) {
  const worker = new Worker(receiverSource, { eval: true, workerData: { expected } });
  const port = await new Promise<number>((resolve) => worker.once('message', (m: { port: number }) => resolve(m.port)));
  const done = new Promise<{ posts: number; events: number; twice: number }>((resolve) => worker.on('message', (m: { done?: boolean; posts: number; events: number; twice: number }) => m.done && resolve(m)));
  return { url: `http://127.0.0.1:${port}/hook`, done, close: () => worker.terminate() };
}

/**
 * Issue 18: a backlog of 10,000 CRM deliveries (an office's events queued while the core was
 * down, written by the service's own `enqueue`) drained to a local receiver by the real queue
 * after a start: all delivered once, the backlog gone in < 10 s. The receiver is a worker thread
 * (its own event loop, as a CRM would have), on the same two cores.
 */
export async function benchWebhooks(runDir: string, migrationsDir: string): Promise<void> {
  heading(`CRM webhooks (${thousands(deliveries)} queued deliveries, loopback receiver)`);
  const crm = await countingReceiver(deliveries);
  try {
    // An admin adds the endpoint through the contract, as in Settings → Integrations.
    const setup = createCore({ dataDir: runDir, migrationsDir, logger: silentLogger });
    setup.searchIndex.stop();
    try {
      const admin = await setup.router.call('auth.signIn', { email: benchAdmin.email, password: benchPassword }, { clientKey: 'bench' });
      if (!admin.result.success) throw new Error(`signIn failed: ${JSON.stringify(admin.result.error)}`);
      const token = (admin.result.data as { token: string }).token;
      const created = await setup.router.call('webhooks.create', { url: crm.url, events: ['contact.created'] }, { clientKey: 'bench', token });
      if (!created.result.success) throw new Error(JSON.stringify(created.result.error));
    } finally {
      await setup.close();
    }

    // The core is down: the events go into the persisted queue through the service alone, nothing sends them.
    const database = openDatabase(runDir, migrationsDir);
    let enqueueMs: number;
    try {
      const endpoints = new WebhookEndpoints(database.sqlite, new ActivityLog(database.db, database.sqlite, systemClock), systemClock, webhookSecretBox(database.sqlite));
      const started = performance.now();
      for (let i = 1; i <= deliveries; i++) {
        endpoints.enqueue('contact.created', { contact: { id: i, name: `عميل ${i}`, phone: `+9665${String(i).padStart(8, '0')}`, tags: ['bench'] } });
      }
      enqueueMs = performance.now() - started;
    } finally {
      database.close();
    }
    line('queued through WebhookEndpoints.enqueue', `${thousands(deliveries)} in ${(enqueueMs / 1000).toFixed(2)} s (${thousands(perSecond(deliveries, enqueueMs))}/s)`);

    // The core starts and its queue picks the backlog up.
    const started = performance.now();
    const core = createCore({ dataDir: runDir, migrationsDir, logger: silentLogger });
    // As in the other sections: the search index's first build over 1M messages (timed in the
    // search section) would share this event loop with the queue and measure itself instead.
    core.searchIndex.stop();
    const coreUp = performance.now() - started;
    try {
      const counted = await crm.done;
      const received = performance.now() - started;
      // Recorded as delivered: each 2xx is written after its answer arrives.
      const pending = core.database.sqlite.prepare("select count(*) as n from webhook_deliveries where status <> 'delivered'");
      while ((pending.get() as { n: number }).n > 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const drained = performance.now() - started;
      line('core start (in the drain time)', `${(coreUp / 1000).toFixed(2)} s`);
      line('last POST received', `${(received / 1000).toFixed(2)} s`);
      target('backlog drained (all recorded delivered)', `${(drained / 1000).toFixed(2)} s, ${thousands(perSecond(deliveries, drained))} deliveries/s`, drained < 10_000, '< 10 s');
      // Counted when the last expected POST arrived; a repeat would have made it arrive early.
      target('delivered once each', `${thousands(counted.events)} events, ${thousands(counted.posts)} POSTs, ${counted.twice} twice`, counted.events === deliveries && counted.twice === 0, `${thousands(deliveries)} once`);
    } finally {
      await core.close();
    }
  } finally {
    await crm.close();
  }
}
