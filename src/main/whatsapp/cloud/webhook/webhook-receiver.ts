import type Database from 'better-sqlite3';
import type { Clock } from '../../../base/clock';
import type { Logger } from '../../../base/logger';
import type { MessagePipeline } from '../../message-pipeline';
import type { InboundSource } from '../../transport';
import { localIdStatusesOf } from '../local-id-statuses';
import type { CloudEndpoint, CloudEndpoints } from './endpoints';
import { WebhookInbox, type InboxRow } from './webhook-inbox';
import { webhookItems, type WebhookItem } from './webhook-items';

/** Rows per transaction at most: enough to amortise the commit. */
const batchRows = 100;
/**
 * A batch also ends after this much work (ms of CPU, not the office's clock): the receiver shares
 * the event loop with the 200s it owes Meta, whose time to answer must stay short.
 */
const batchBudgetMs = 4;

export interface WebhookReceiverDeps {
  sqlite: Database.Database;
  clock: Clock;
  logger: Logger;
  pipeline: MessagePipeline;
  endpoints: CloudEndpoints;
  /** A Cloud number's files (by the media id its webhook carried) and its lid lookups. */
  sourceFor(numberId: number): InboundSource;
  /** Told once per batch which numbers heard from Meta, and when last ("last webhook received"). */
  received?(numberId: number, at: number): void;
}

/**
 * Meta's webhooks after their 200: each stored body is read item by item and fed through the
 * same pipeline and ingest as whatsapp-web.js, a batch of bodies per transaction, in the order
 * they arrived. Processing is at least once (a crash repeats the last batch) and ingest makes
 * a repeat a no-op: a message is unique per number and wamid, statuses only move forward.
 */
export class WebhookReceiver {
  readonly inbox: WebhookInbox;
  private readonly recordMedia;
  private scheduled = false;
  private running = false;
  private closed = false;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly deps: WebhookReceiverDeps) {
    this.inbox = new WebhookInbox(deps.sqlite);
    this.recordMedia = deps.sqlite.prepare<[number, string, string, string | null]>(
      'insert or ignore into cloud_media_ids (whatsapp_number_id, whatsapp_message_id, media_id, file_name) values (?, ?, ?, ?)',
    );
  }

  /** Stores a signed body (the 200 follows) and schedules its processing. */
  accept(signerNumberId: number | null, body: Buffer): void {
    this.inbox.add(signerNumberId, body, this.deps.clock.now());
    this.wake();
  }

  /** Processes what waits, soon (at start: what a crash left). */
  wake(): void {
    if (this.scheduled || this.closed) return;
    this.scheduled = true;
    setImmediate(() => this.drain());
  }

  /** Resolves once nothing waits to be processed (tests, the benchmark). */
  idle(): Promise<void> {
    if (!this.scheduled && !this.running && this.inbox.waiting() === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
  }

  private drain(): void {
    this.scheduled = false;
    if (this.closed) return;
    this.running = true;
    try {
      const rows = this.inbox.next(0, batchRows);
      if (rows.length > 0) {
        this.processBatch(rows);
        // One batch per turn of the event loop: requests keep being answered while a backlog drains.
        this.wake();
        return;
      }
    } catch (error) {
      this.deps.logger.error('cloud webhook processing failed; retrying', { error: String(error) });
      this.retrySoon();
      return;
    } finally {
      this.running = false;
    }
    const waiters = this.idleWaiters.splice(0);
    for (const resolve of waiters) resolve();
  }

  private retrySoon(): void {
    const timer = setTimeout(() => this.wake(), 1_000);
    timer.unref?.();
  }

  private processBatch(rows: InboxRow[]): void {
    const batch: Batch = { heard: new Map(), numbers: new Map(), signers: new Map() };
    const started = performance.now();
    this.deps.sqlite.transaction(() => {
      let last = rows[0]!;
      for (const row of rows) {
        this.processRow(row, batch);
        last = row;
        if (performance.now() - started > batchBudgetMs) break;
      }
      this.inbox.remove(rows[0]!.id, last.id);
    })();
    for (const [numberId, at] of batch.heard) this.deps.received?.(numberId, at);
  }

  private processRow(row: InboxRow, batch: Batch): void {
    let body: unknown;
    try {
      body = JSON.parse(row.body.toString('utf8'));
    } catch {
      // Checked before the 200; only a damaged row gets here. Never the body in the log.
      this.deps.logger.warn('cloud webhook row is not JSON; dropped', { row: row.id });
      return;
    }
    const signer = row.whatsapp_number_id === null ? null : this.signer(row.whatsapp_number_id, batch);
    for (const item of webhookItems(body, row.received_at)) {
      try {
        this.processItem(item, signer, row, batch);
      } catch (error) {
        this.deps.logger.error('cloud webhook item failed', { row: row.id, kind: item.kind, error: String(error) });
      }
    }
  }

  /** Secrets are opened once per batch, not per body. */
  private signer(numberId: number, batch: Batch): CloudEndpoint | null {
    if (!batch.signers.has(numberId)) batch.signers.set(numberId, this.deps.endpoints.all().find((e) => e.numberId === numberId) ?? null);
    return batch.signers.get(numberId)!;
  }

  private numberFor(phoneNumberId: string, batch: Batch): CloudEndpoint | null {
    if (!batch.numbers.has(phoneNumberId)) batch.numbers.set(phoneNumberId, this.deps.endpoints.byPhoneNumberId(phoneNumberId));
    return batch.numbers.get(phoneNumberId)!;
  }

  private processItem(item: WebhookItem, signer: CloudEndpoint | null, row: InboxRow, batch: Batch): void {
    if (item.kind === 'skipped') {
      this.deps.logger.info('cloud webhook item skipped', { row: row.id, why: item.why, phoneNumberId: item.phoneNumberId });
      return;
    }
    const number = this.numberFor(item.phoneNumberId, batch);
    // Only a number whose own app signed the body may be written to: another Meta app's secret
    // proves nothing about this one's messages.
    if (!number || !signer || !number.appSecret || number.appSecret !== signer.appSecret) {
      this.deps.logger.warn('cloud webhook for a number that is not ours (or not its app); ignored', { row: row.id, phoneNumberId: item.phoneNumberId });
      return;
    }
    const numberId = number.numberId;
    batch.heard.set(numberId, Math.max(batch.heard.get(numberId) ?? 0, row.received_at));
    const { pipeline } = this.deps;
    if (item.kind === 'message') {
      if (item.media) this.recordMedia.run(numberId, item.message.providerId, item.media.id, item.media.fileName);
      pipeline.message(numberId, item.message, this.deps.sourceFor(numberId));
    } else if (item.kind === 'change') {
      pipeline.change(numberId, item.change, this.deps.sourceFor(numberId));
    } else {
      // A send that timed out waits for a status naming our id: it learns its wamid here.
      if (item.ack.localId !== undefined) localIdStatusesOf(this.deps.sqlite).arrived(item.ack.localId, item.ack.providerId);
      pipeline.ack(numberId, item.ack);
    }
  }
}

interface Batch {
  /** The numbers that heard from Meta, and when last. */
  heard: Map<number, number>;
  numbers: Map<string, CloudEndpoint | null>;
  signers: Map<number, CloudEndpoint | null>;
}
