import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCore } from '../src/main/core/create-core';
import { silentLogger } from '../src/main/base/logger';
import { systemClock } from '../src/main/base/clock';
import { openDatabase } from '../src/main/db/open-database';
import { ActivityLog } from '../src/main/services/activity/activity-log';
import { WebhookEndpoints } from '../src/main/services/webhooks/webhook-endpoints';
import { benchAdmin, benchPassword } from './generate';
import { heading, line, perSecond, target, thousands } from './report';

const deliveries = 10_000;

/** A CRM on loopback: answers 200 to every POST and counts them by event id. */
async function countingReceiver() {
  const seen = new Map<string, number>();
  let posts = 0;
  let onPost = () => {};
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const id = String(req.headers['x-meras-delivery']);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      posts++;
      res.writeHead(200).end();
      onPost();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    seen,
    posts: () => posts,
    /** Resolves once `count` POSTs have arrived. */
    until: (count: number) =>
      new Promise<void>((resolve) => {
        if (posts >= count) return resolve();
        onPost = () => posts >= count && resolve();
      }),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * Issue 18: a backlog of 10,000 CRM deliveries (an office's events queued while the core was
 * down, written by the service's own `enqueue`) drained to a local receiver by the real queue
 * after a start: all delivered once, the backlog gone in < 10 s. The receiver runs in this
 * process, so it shares the core's event loop (a CRM elsewhere would not): a conservative figure.
 */
export async function benchWebhooks(runDir: string, migrationsDir: string): Promise<void> {
  heading(`CRM webhooks (${thousands(deliveries)} queued deliveries, loopback receiver)`);
  const crm = await countingReceiver();
  try {
    // An admin adds the endpoint through the contract, as in Settings → Integrations.
    const setup = createCore({ dataDir: runDir, migrationsDir, logger: silentLogger });
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
      const endpoints = new WebhookEndpoints(database.sqlite, new ActivityLog(database.db, database.sqlite, systemClock), systemClock);
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
    const coreUp = performance.now() - started;
    try {
      await crm.until(deliveries);
      const received = performance.now() - started;
      // Recorded as delivered: each 2xx is written after its answer arrives.
      const pending = core.database.sqlite.prepare("select count(*) as n from webhook_deliveries where status <> 'delivered'");
      while ((pending.get() as { n: number }).n > 0) await new Promise((resolve) => setTimeout(resolve, 5));
      const drained = performance.now() - started;
      const twice = [...crm.seen.values()].filter((n) => n > 1).length;
      line('core start (in the drain time)', `${(coreUp / 1000).toFixed(2)} s`);
      line('last POST received', `${(received / 1000).toFixed(2)} s`);
      target('backlog drained (all recorded delivered)', `${(drained / 1000).toFixed(2)} s, ${thousands(perSecond(deliveries, drained))} deliveries/s`, drained < 10_000, '< 10 s');
      target('delivered once each', `${thousands(crm.seen.size)} events, ${thousands(crm.posts())} POSTs, ${twice} twice`, crm.seen.size === deliveries && crm.posts() === deliveries, `${thousands(deliveries)} once`);
    } finally {
      await core.close();
    }
  } finally {
    await crm.close();
  }
}
