import http from 'node:http';
import https from 'node:https';
import type Database from 'better-sqlite3';
import type { WakingClock } from '../../base/clock';
import type { Logger } from '../../base/logger';
import type { SecretBox } from '../../base/secret-box';
import type { NotificationsService } from '../notifications/notifications-service';
import type { WebhookEndpoints } from './webhook-endpoints';
import { nextRetryDelay, type WebhookRetryPolicy } from './webhook-retry';
import { webhookSignature } from './webhook-signature';

interface DueRow {
  id: number;
  endpoint_id: number;
  event_id: string;
  event: string;
  payload: string;
  attempts: number;
  created_at: number;
  url: string;
  /** Sealed (SecretBox). */
  secret: string;
}

/** What one POST came to: a status code, or why there was none. */
type Outcome = { code: number } | { error: string };

/** How many POSTs may be out at once, over every endpoint: a slow receiver holds only its own. */
const maxInFlight = 8;
const errorLength = 300;

/**
 * Sends the persisted queue (webhook_deliveries). Wakes on the core's clock at the earliest due
 * row; each POST runs on its own, so a slow receiver holds neither the event loop nor the
 * others. A 2xx is recorded before anything else happens to the row, so once recorded it is
 * never sent again; a row whose POST was cut short by a restart is sent again (at least once).
 */
export class WebhookQueue {
  private readonly q;
  private readonly inFlight = new Set<number>();
  private wake: { at: number; cancel: () => void } | null = null;
  private closed = false;

  constructor(
    sqlite: Database.Database,
    private readonly endpoints: WebhookEndpoints,
    private readonly notifications: NotificationsService,
    private readonly clock: WakingClock,
    private readonly logger: Logger,
    private readonly policy: WebhookRetryPolicy,
    private readonly secrets: SecretBox,
    private readonly post: (url: string, body: string, headers: Record<string, string>, timeoutMs: number) => Promise<number> = postJson,
  ) {
    this.q = {
      // Only rows not already in flight, only as many as there are free slots.
      due: sqlite.prepare<[number, string, number], DueRow>(
        `select d.id, d.endpoint_id, d.event_id, d.event, d.payload, d.attempts, d.created_at, e.url, e.secret
         from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
         where d.status = 'pending' and d.next_attempt_at <= ? and (e.paused_at is null or d.event = 'webhook.test')
           and d.id not in (select value from json_each(?))
         order by d.next_attempt_at, d.id limit ?`,
      ),
      // What is in flight is not waited for: its POST's end picks up from there. Walked in the
      // due index's order and stopped at the first row (not min(), which reads every pending row
      // on each POST's end: a 10,000-row backlog drained at 150/s).
      next: sqlite.prepare<[string], { at: number | null }>(
        `select d.next_attempt_at as at from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
         where d.status = 'pending' and (e.paused_at is null or d.event = 'webhook.test') and d.id not in (select value from json_each(?))
         order by d.next_attempt_at limit 1`,
      ),
      delivered: sqlite.prepare<[number, number, number, number]>(
        "update webhook_deliveries set status = 'delivered', attempts = attempts + 1, last_status_code = ?, last_error = null, delivered_at = ?, next_attempt_at = null where id = ? and status = 'pending' and attempts = ?",
      ),
      retry: sqlite.prepare<[number | null, string | null, number | null, number, number]>(
        "update webhook_deliveries set attempts = attempts + 1, last_status_code = ?, last_error = ?, next_attempt_at = ? where id = ? and status = 'pending' and attempts = ?",
      ),
      failed: sqlite.prepare<[number | null, string | null, number, number]>(
        "update webhook_deliveries set status = 'failed', attempts = attempts + 1, last_status_code = ?, last_error = ?, next_attempt_at = null where id = ? and status = 'pending' and attempts = ?",
      ),
      succeededSince: sqlite.prepare<[number, number], { n: number }>(
        "select count(*) as n from webhook_deliveries where endpoint_id = ? and status = 'delivered' and delivered_at >= ?",
      ),
      url: sqlite.prepare<[number], { url: string }>('select url from webhook_endpoints where id = ?'),
    };
    endpoints.queued = () => this.pump();
  }

  /** Picks up what a previous run left queued. */
  start(): void {
    this.pump();
  }

  close(): void {
    this.closed = true;
    this.wake?.cancel();
    this.wake = null;
  }

  /** Sends every due row (up to the in-flight limit), then sleeps until the next one is due. */
  private pump(): void {
    if (this.closed) return;
    const now = this.clock.now();
    const free = maxInFlight - this.inFlight.size;
    if (free > 0) {
      for (const row of this.q.due.all(now, JSON.stringify([...this.inFlight]), free)) {
        this.inFlight.add(row.id);
        void this.send(row);
      }
    }
    this.armForNext();
  }

  private armForNext(): void {
    // Every slot taken: the end of any of those POSTs pumps again and arms from there.
    if (this.inFlight.size >= maxInFlight) return;
    const at = this.q.next.get(JSON.stringify([...this.inFlight]))?.at ?? null;
    const now = this.clock.now();
    if (at === null) return;
    const when = Math.max(at, now);
    if (this.wake && this.wake.at <= when && this.wake.at > now) return;
    this.wake?.cancel();
    const cancel = this.clock.wakeAt(when, () => {
      this.wake = null;
      this.pump();
    });
    this.wake = { at: when, cancel };
  }

  private async send(row: DueRow): Promise<void> {
    const timestamp = String(Math.floor(this.clock.now() / 1000));
    // A secret that no longer opens (the key file is not this database's: a backup restored
    // elsewhere) signs nothing: nothing is sent unsigned, and the attempt fails like a refused one.
    const secret = this.secrets.open(row.secret);
    let outcome: Outcome;
    if (secret === null) {
      outcome = { error: 'signing_secret_unavailable' };
    } else {
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'MerasDesk-Webhooks/1',
        'x-meras-event': row.event,
        'x-meras-delivery': row.event_id,
        'x-meras-timestamp': timestamp,
        'x-meras-signature': webhookSignature(secret, timestamp, row.payload),
      };
      try {
        outcome = { code: await this.post(row.url, row.payload, headers, this.policy.requestTimeoutMs) };
      } catch (error) {
        outcome = { error: describe(error) };
      }
    }
    this.inFlight.delete(row.id);
    // A core that closed meanwhile has no database: the row stays pending and goes again on restart.
    if (this.closed) return;
    try {
      this.record(row, outcome);
    } catch (error) {
      this.logger.error('webhook delivery could not be recorded', { deliveryId: row.id, error: String(error) });
    }
    this.pump();
  }

  private record(row: DueRow, outcome: Outcome): void {
    const now = this.clock.now();
    const code = 'code' in outcome ? outcome.code : null;
    if (code !== null && code >= 200 && code < 300) {
      this.q.delivered.run(code, now, row.id, row.attempts);
      return;
    }
    const error = 'error' in outcome ? outcome.error.slice(0, errorLength) : `HTTP ${code}`;
    const attempts = row.attempts + 1;
    const retryAt = now + nextRetryDelay(this.policy, attempts);
    if (retryAt - row.created_at <= this.policy.giveUpAfterMs) {
      this.q.retry.run(code, error, retryAt, row.id, row.attempts);
      return;
    }
    this.q.failed.run(code, error, row.id, row.attempts);
    this.pauseIfFailing(row.endpoint_id, row.created_at);
  }

  /**
   * A delivery was given up after its 24 h of retries: if nothing else got through to the
   * endpoint since that delivery's event, every delivery failed for those 24 h. Pause, tell admins.
   */
  private pauseIfFailing(endpointId: number, since: number): void {
    if (this.q.succeededSince.get(endpointId, since)!.n > 0) return;
    if (!this.endpoints.pause(endpointId, 'failing')) return;
    const url = this.q.url.get(endpointId)?.url ?? '';
    this.logger.warn('webhook endpoint paused after 24 h of failures', { endpointId });
    this.notifications.notify({ audience: { roles: ['admin'] }, type: 'webhook_paused', target: null, params: { url } });
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') return 'timeout';
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return (error as { code?: string }).code ?? cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}

/**
 * Kept-alive connections, one pool per scheme: a backlog reuses its sockets instead of opening
 * one per POST (node:http here, not fetch: about five times the deliveries a second on loopback).
 * Idle sockets do not keep the process up.
 */
const agents = { http: new http.Agent({ keepAlive: true, maxSockets: maxInFlight }), https: new https.Agent({ keepAlive: true, maxSockets: maxInFlight }) };

/** One POST with its own deadline; never follows redirects (a 3xx counts as a failure). */
function postJson(url: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const secure = target.protocol === 'https:';
    const request = (secure ? https : http).request(
      target,
      { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent: secure ? agents.https : agents.http, signal: AbortSignal.timeout(timeoutMs) },
      (response) => {
        // The answer's body is not needed: read through (up to the deadline) so the connection is reused.
        response.on('error', () => undefined);
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
