/** Issue 18 (seed 000 integrations/crm): what a CRM can be told about. */
export const webhookEvents = ['message.new', 'conversation.assigned', 'conversation.resolved', 'contact.created', 'contact.updated', 'viewing.booked', 'offer.changed'] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

/** The event a "send test" delivers; never subscribed to, always sent on request. */
export const webhookTestEvent = 'webhook.test';

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed' | 'cancelled';

/** An endpoint as the list shows it: never its secret. */
export interface WebhookEndpointView {
  id: number;
  url: string;
  events: WebhookEvent[];
  paused: boolean;
  /** Who paused it: an admin, or the core after 24 h of failed deliveries. */
  pausedReason: 'admin' | 'failing' | null;
  pausedAt: string | null;
  createdAt: string;
  /** The latest delivery's outcome, for the list. */
  lastDelivery: { status: WebhookDeliveryStatus; statusCode: number | null; at: string } | null;
}

/** Answered once, at creation: the only time the signing secret is shown. */
export interface CreatedWebhookEndpoint {
  endpoint: WebhookEndpointView;
  secret: string;
}

export interface WebhookDeliveryView {
  id: number;
  eventId: string;
  event: string;
  status: WebhookDeliveryStatus;
  attempts: number;
  nextAttemptAt: string | null;
  lastStatusCode: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

export interface WebhookDeliveriesPage {
  items: WebhookDeliveryView[];
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore: number | null;
}
