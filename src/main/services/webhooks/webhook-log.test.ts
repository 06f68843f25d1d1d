import { afterEach, describe, expect, it } from 'vitest';
import { eventually, manualClock, startTestCore } from '../../testing/test-core';
import { startWebhookReceiver, type WebhookReceiver } from '../../testing/webhook-receiver';

type TestCore = ReturnType<typeof startTestCore>;
const cores: TestCore[] = [];
const receivers: WebhookReceiver[] = [];
afterEach(async () => {
  for (const t of cores.splice(0)) await t.close();
  for (const r of receivers.splice(0)) await r.close();
});

/** The delivery log the Integrations screen pages through (webhooks.deliveries). */
describe('an endpoint\'s delivery log', () => {
  it('pages newest first to the end, each delivery once, and only that endpoint\'s', async () => {
    const clock = manualClock();
    const t = startTestCore({ clock });
    cores.push(t);
    const admin = await t.setupAdmin();
    const crm = await startWebhookReceiver();
    receivers.push(crm);
    const { endpoint } = await t.call('webhooks.create', { url: crm.url, events: ['contact.created'] }, admin.token);
    const other = await t.call('webhooks.create', { url: crm.url, events: ['contact.created'] }, admin.token);
    const sent: number[] = [];
    for (let i = 0; i < 5; i++) {
      sent.push((await t.call('webhooks.sendTest', { id: endpoint.id }, admin.token)).id);
      clock.advance(1_000);
    }
    await t.call('webhooks.sendTest', { id: other.endpoint.id }, admin.token);
    await eventually(() => expect(crm.posts).toHaveLength(6));

    const seen: number[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await t.call('webhooks.deliveries', { endpointId: endpoint.id, limit: 2, ...(before ? { before } : {}) }, admin.token);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((d) => d.id));
      if (page.nextBefore === null) break;
      before = page.nextBefore;
    }
    expect(seen).toEqual([...sent].reverse());
    // Each row carries its outcome once the CRM answered.
    await eventually(async () => expect((await t.call('webhooks.deliveries', { endpointId: endpoint.id, limit: 1 }, admin.token)).items[0]).toMatchObject({ id: sent[4], event: 'webhook.test', status: 'delivered', attempts: 1, lastStatusCode: 200 }));
    expect((await t.failure('webhooks.deliveries', { endpointId: 424242 }, admin.token)).code).toBe('NOT_FOUND');
  });
});
