import { createHmac } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { databaseFileName } from '../../db/open-database';
import { buildCrashChild, spawnCrashChild, type CrashChild } from '../../outbox/crash-harness';
import { eventually, manualClock, migrationsDir, startTestCore, tempDir } from '../../testing/test-core';
import { startWebhookReceiver, type WebhookReceiver } from '../../testing/webhook-receiver';
import type { WebhookCrashChildConfig } from './webhook-crash-child';

/**
 * "A restart loses nothing": the core runs in a child process killed with SIGKILL while POSTs
 * to the CRM are in flight and more wait in the queue. The queue promises at least once, with
 * the event's id and bytes fixed when it happened: after a restart every event reaches the
 * receiver with a 2xx, a delivery recorded before the kill is never sent again, and what was
 * cut short is sent again with the same id, so the receiver can drop the repeat.
 */
let childBundle: string;
beforeAll(async () => {
  childBundle = await buildCrashChild(path.join(__dirname, 'webhook-crash-child.ts'));
}, 60_000);

const children: CrashChild[] = [];
const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  await Promise.all(children.splice(0).map((c) => c.kill()));
  for (const r of receivers.splice(0)) await r.close();
});

const start = Date.UTC(2026, 11, 3, 9, 0, 0);

function signedAsDocumented(secret: string, post: { headers: Record<string, unknown>; body: string }): boolean {
  const timestamp = String(post.headers['x-meras-timestamp']);
  return post.headers['x-meras-signature'] === 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${post.body}`).digest('hex');
}

const idOf = (body: string) => (JSON.parse(body) as { id: string }).id;

describe('a crash with webhook deliveries in flight', () => {
  it('delivers every event after a SIGKILL, never resends one recorded as delivered, and resends the cut-short ones with the same id', async () => {
    const answered = 12;
    const contacts = 40;
    // The CRM answers the first deliveries, then holds the next ones open (in flight at the kill).
    const crm = await startWebhookReceiver(Array<number>(answered).fill(200), 'hold');
    receivers.push(crm);

    const dataDir = tempDir();
    const before = startTestCore({ dataDir, clock: manualClock(start) });
    await before.setupAdmin();
    const admin = await before.call('auth.signIn', { email: 'admin@office.test', password: 'admin-pass-123' });
    const { secret } = await before.call('webhooks.create', { url: crm.url, events: ['contact.created'] }, admin.token);
    await before.close();

    const config: WebhookCrashChildConfig = { dataDir, migrationsDir, email: 'admin@office.test', password: 'admin-pass-123', contacts, start };
    const child = spawnCrashChild(childBundle, config);
    children.push(child);
    await eventually(() => expect(child.output()).toContain('queued'), 30_000);
    // Every slot of the queue holds a POST the CRM has not answered: the process dies with them out.
    await eventually(() => expect(crm.posts.filter((p) => p.answered === null).length).toBe(8), 30_000);
    await child.kill();

    const killedAt = new Database(path.join(dataDir, databaseFileName), { readonly: true, fileMustExist: true });
    const recordedBeforeKill = new Set(
      (killedAt.prepare("select event_id from webhook_deliveries where status = 'delivered'").all() as { event_id: string }[]).map((r) => r.event_id),
    );
    const queuedAtKill = killedAt.prepare('select count(*) as n from webhook_deliveries').get() as { n: number };
    killedAt.close();
    const heldAtKill = new Set(crm.posts.filter((p) => p.answered === null).map((p) => idOf(p.body)));
    expect(queuedAtKill.n).toBe(contacts);
    expect(recordedBeforeKill.size).toBeGreaterThan(0);
    expect(recordedBeforeKill.size).toBeLessThanOrEqual(answered);

    // After a restart the CRM answers everything.
    crm.answerWith(200);
    const after = startTestCore({ dataDir, clock: manualClock(start) });
    const sqlite = after.core.database.sqlite;
    const rows = () => sqlite.prepare('select event_id, status, payload from webhook_deliveries order by id').all() as { event_id: string; status: string; payload: string }[];
    try {
      await eventually(() => expect(rows().filter((r) => r.status !== 'delivered')).toEqual([]), 30_000);

      const stored = rows();
      const eventIds = new Set(stored.map((r) => r.event_id));
      expect(eventIds.size).toBe(contacts);
      // One event per customer added, none lost.
      expect(new Set(stored.map((r) => (JSON.parse(r.payload) as { data: { contact: { id: number } } }).data.contact.id)).size).toBe(contacts);

      const postsOf = (id: string) => crm.posts.filter((p) => idOf(p.body) === id);
      for (const id of eventIds) {
        const posts = postsOf(id);
        // Delivered: the CRM said 2xx to it at least once.
        expect(posts.some((p) => p.answered === 200)).toBe(true);
        // Every try is the same bytes under the same id, signed as the README says.
        expect(new Set(posts.map((p) => p.body)).size).toBe(1);
        expect(posts.every((p) => p.headers['x-meras-delivery'] === id && signedAsDocumented(secret, p))).toBe(true);
      }
      // Recorded as delivered before the kill: never sent again.
      for (const id of recordedBeforeKill) expect(postsOf(id)).toHaveLength(1);
      // Cut short by the kill: sent again after the restart, and this time answered.
      expect(heldAtKill.size).toBe(8);
      for (const id of heldAtKill) {
        expect(recordedBeforeKill.has(id)).toBe(false);
        expect(postsOf(id).map((p) => p.answered)).toEqual([null, 200]);
      }
    } finally {
      await after.close();
    }
  }, 120_000);
});
