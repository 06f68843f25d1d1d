import { adminOnly, channel } from '../contract-kit';
import { empty } from '../fields';
import * as s from './schemas';
import type { CreatedWebhookEndpoint, WebhookDeliveriesPage, WebhookDeliveryView, WebhookEndpointView } from './types';

/** Seed 000's integrations/crm: endpoints the core POSTs the office's events to (admins only). */
export const webhooksChannels = {
  'webhooks.list': channel<WebhookEndpointView[]>()({ input: empty, access: adminOnly, kind: 'read' }),
  /** The answer carries the signing secret: the only time it is ever shown. */
  'webhooks.create': channel<CreatedWebhookEndpoint>()({ input: s.createWebhookInput, access: adminOnly, kind: 'write' }),
  /** Events and pause/resume; pausing cancels what was still queued for it. */
  'webhooks.update': channel<WebhookEndpointView>()({ input: s.updateWebhookInput, access: adminOnly, kind: 'write' }),
  'webhooks.delete': channel<{ id: number }>()({ input: s.webhookIdInput, access: adminOnly, kind: 'write' }),
  /** A page of an endpoint's delivery log, newest first. */
  'webhooks.deliveries': channel<WebhookDeliveriesPage>()({ input: s.webhookDeliveriesInput, access: adminOnly, kind: 'read' }),
  /** Queues a `webhook.test` delivery to the endpoint at once (even while paused). */
  'webhooks.sendTest': channel<WebhookDeliveryView>()({ input: s.webhookIdInput, access: adminOnly, kind: 'write' }),
} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WebhooksEvents {}
