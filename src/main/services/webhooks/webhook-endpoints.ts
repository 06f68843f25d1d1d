import { randomBytes, randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { createWebhookInput, updateWebhookInput, webhookDeliveriesInput } from '../../../shared/webhooks/schemas';
import {
  webhookTestEvent,
  type CreatedWebhookEndpoint,
  type WebhookDeliveriesPage,
  type WebhookDeliveryStatus,
  type WebhookDeliveryView,
  type WebhookEndpointView,
  type WebhookEvent,
} from '../../../shared/webhooks/types';
import { toIso, type Clock } from '../../base/clock';
import { AppError } from '../../rpc/app-error';
import type { SecretBox } from '../../base/secret-box';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import { plainSecretPrefix } from './webhook-secrets';

interface EndpointRow {
  id: number;
  url: string;
  events: string;
  paused_at: number | null;
  paused_reason: string | null;
  created_at: number;
  last_status: string | null;
  last_code: number | null;
  last_at: number | null;
}

interface DeliveryRow {
  id: number;
  event_id: string;
  event: string;
  status: string;
  attempts: number;
  next_attempt_at: number | null;
  last_status_code: number | null;
  last_error: string | null;
  delivered_at: number | null;
  created_at: number;
}

/**
 * Seed 000 integrations/crm: the endpoints and the rows of their queue. `enqueue` writes one
 * delivery per subscribed, running endpoint in one transaction, the moment the event happens;
 * the queue (webhook-queue.ts) sends them.
 */
export class WebhookEndpoints {
  private readonly q;
  /** Told when new rows are due, so the queue sends them without waiting for its next wake. */
  queued: () => void = () => {};
  /**
   * The running endpoints and their events, read once and dropped at every write to the endpoints
   * (all of them are made here): every message's event asks, and an automation batch sends hundreds.
   */
  private running: { id: number; events: string[] }[] | null = null;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly activity: ActivityLog,
    private readonly clock: Clock,
    /** Seals each endpoint's signing secret: the database never holds it in plain text. */
    private readonly secrets: SecretBox,
  ) {
    const select = `select e.id, e.url, e.events, e.paused_at, e.paused_reason, e.created_at,
        d.status as last_status, d.last_status_code as last_code, coalesce(d.delivered_at, d.created_at) as last_at
      from webhook_endpoints e
      left join webhook_deliveries d on d.id = (select max(id) from webhook_deliveries where endpoint_id = e.id)`;
    this.q = {
      all: sqlite.prepare<[], EndpointRow>(`${select} order by e.id desc`),
      one: sqlite.prepare<[number], EndpointRow>(`${select} where e.id = ?`),
      insert: sqlite.prepare<[string, string, string, number, number], { id: number }>(
        'insert into webhook_endpoints (url, secret, events, created_by, created_at) values (?, ?, ?, ?, ?) returning id',
      ),
      setEvents: sqlite.prepare<[string, number]>('update webhook_endpoints set events = ? where id = ?'),
      pause: sqlite.prepare<[number, string, number]>('update webhook_endpoints set paused_at = ?, paused_reason = ? where id = ? and paused_at is null'),
      resume: sqlite.prepare<[number]>('update webhook_endpoints set paused_at = null, paused_reason = null where id = ?'),
      cancelQueued: sqlite.prepare<[number]>("update webhook_deliveries set status = 'cancelled', next_attempt_at = null where endpoint_id = ? and status = 'pending'"),
      remove: sqlite.prepare<[number]>('delete from webhook_endpoints where id = ?'),
      running: sqlite.prepare<[], { id: number; events: string }>('select id, events from webhook_endpoints where paused_at is null'),
      enqueue: sqlite.prepare<[number, string, string, string, number, number], { id: number }>(
        'insert into webhook_deliveries (endpoint_id, event_id, event, payload, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?) returning id',
      ),
      delivery: sqlite.prepare<[number], DeliveryRow>('select * from webhook_deliveries where id = ?'),
      page: sqlite.prepare<[number, number, number], DeliveryRow>('select * from webhook_deliveries where endpoint_id = ? and id < ? order by id desc limit ?'),
    };
  }

  list(): WebhookEndpointView[] {
    return this.q.all.all().map(endpointView);
  }

  create(admin: Caller, input: z.output<typeof createWebhookInput>): CreatedWebhookEndpoint {
    // Recognisable in a leaked log: `whsec_` + 32 random bytes.
    const secret = plainSecretPrefix + randomBytes(32).toString('base64url');
    const { id } = this.q.insert.get(input.url, this.secrets.seal(secret), JSON.stringify(input.events), admin.user.id, this.clock.now())!;
    this.running = null;
    // The log names the address and events, never the secret.
    this.activity.record({ userId: admin.user.id, action: 'webhook.created', entityType: 'webhook', entityId: id, details: { url: input.url, events: input.events } });
    return { endpoint: this.view(id), secret };
  }

  update(admin: Caller, input: z.output<typeof updateWebhookInput>): WebhookEndpointView {
    this.existing(input.id);
    this.sqlite.transaction(() => {
      if (input.events) this.q.setEvents.run(JSON.stringify(input.events), input.id);
      if (input.paused === true) this.pause(input.id, 'admin');
      if (input.paused === false) this.q.resume.run(input.id);
    })();
    this.running = null;
    this.activity.record({ userId: admin.user.id, action: 'webhook.updated', entityType: 'webhook', entityId: input.id, details: { events: input.events ?? null, paused: input.paused ?? null } });
    return this.view(input.id);
  }

  /** Paused: nothing new is queued for it and what was queued is cancelled (not sent on resume). */
  pause(id: number, reason: 'admin' | 'failing'): boolean {
    const paused = this.sqlite.transaction(() => {
      const paused = this.q.pause.run(this.clock.now(), reason, id).changes > 0;
      if (paused) this.q.cancelQueued.run(id);
      return paused;
    })();
    this.running = null;
    return paused;
  }

  delete(admin: Caller, id: number): { id: number } {
    this.existing(id);
    this.running = null;
    this.q.remove.run(id);
    this.activity.record({ userId: admin.user.id, action: 'webhook.deleted', entityType: 'webhook', entityId: id });
    return { id };
  }

  deliveries(input: z.output<typeof webhookDeliveriesInput>): WebhookDeliveriesPage {
    this.existing(input.endpointId);
    const rows = this.q.page.all(input.endpointId, input.before ?? Number.MAX_SAFE_INTEGER, input.limit + 1);
    const items = rows.slice(0, input.limit).map(deliveryView);
    return { items, nextBefore: rows.length > input.limit ? items[items.length - 1]!.id : null };
  }

  sendTest(id: number): WebhookDeliveryView {
    this.existing(id);
    const now = this.clock.now();
    const eventId = randomUUID();
    const data = { message: 'Meras Desk webhook test' };
    const { id: deliveryId } = this.q.enqueue.get(id, eventId, webhookTestEvent, payloadOf(eventId, webhookTestEvent, now, data), now, now)!;
    this.queued();
    return deliveryView(this.q.delivery.get(deliveryId)!);
  }

  /** One delivery row per running endpoint subscribed to `event`, all written at once. */
  enqueue(event: WebhookEvent, data: unknown): number {
    // Most offices have no endpoint for most events: then nothing is built or written, and no
    // transaction is opened (every message's event comes here: an automation batch sends hundreds).
    this.running ??= this.q.running.all().map((endpoint) => ({ id: endpoint.id, events: JSON.parse(endpoint.events) as string[] }));
    const subscribed = this.running.filter((endpoint) => endpoint.events.includes(event));
    if (subscribed.length === 0) return 0;
    const written = this.sqlite.transaction(() => {
      const now = this.clock.now();
      const eventId = randomUUID();
      const payload = payloadOf(eventId, event, now, data);
      for (const endpoint of subscribed) this.q.enqueue.run(endpoint.id, eventId, event, payload, now, now);
      return subscribed.length;
    })();
    if (written > 0) this.queued();
    return written;
  }

  private existing(id: number): EndpointRow {
    const row = this.q.one.get(id);
    if (!row) throw new AppError('NOT_FOUND');
    return row;
  }

  private view(id: number): WebhookEndpointView {
    return endpointView(this.existing(id));
  }
}

/** The POST body, fixed when the event happens so every retry sends the same bytes. */
function payloadOf(id: string, event: string, at: number, data: unknown): string {
  return JSON.stringify({ id, event, createdAt: toIso(at), data });
}

function endpointView(r: EndpointRow): WebhookEndpointView {
  return {
    id: r.id,
    url: r.url,
    events: JSON.parse(r.events) as WebhookEvent[],
    paused: r.paused_at !== null,
    pausedReason: r.paused_reason as WebhookEndpointView['pausedReason'],
    pausedAt: toIso(r.paused_at),
    createdAt: toIso(r.created_at),
    lastDelivery: r.last_status && r.last_at !== null ? { status: r.last_status as WebhookDeliveryStatus, statusCode: r.last_code, at: toIso(r.last_at) } : null,
  };
}

function deliveryView(r: DeliveryRow): WebhookDeliveryView {
  return {
    id: r.id,
    eventId: r.event_id,
    event: r.event,
    status: r.status as WebhookDeliveryStatus,
    attempts: r.attempts,
    nextAttemptAt: toIso(r.next_attempt_at),
    lastStatusCode: r.last_status_code,
    lastError: r.last_error,
    deliveredAt: toIso(r.delivered_at),
    createdAt: toIso(r.created_at),
  };
}
