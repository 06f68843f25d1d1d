import type Database from 'better-sqlite3';
import type { WakingClock } from '../../base/clock';
import type { Logger } from '../../base/logger';
import { statement } from '../../db/statement';
import { SendError } from '../../outbox/send-errors';
import type { DownloadedMedia, InboundMessage, OutboundContent, Transport, TransportEvents } from '../transport';
import { TransportError } from '../webjs/start-errors';
import { cloudSecretsOf, readGraphSettings } from './cloud-store';
import { sendErrorOf, tokenExpiredCode } from './cloud-errors';
import { messageBody, recipientOf } from './cloud-payloads';
import { GraphClient, GraphError } from './graph-client';
import { localIdStatusesOf } from './local-id-statuses';

export interface CloudTransportOptions {
  numberId: number;
  sqlite: Database.Database;
  clock: WakingClock;
  events: TransportEvents;
  logger: Logger;
  /** A Graph call with no answer within this counts as timed out. */
  timeoutMs?: number;
  /** How long a timed-out send waits for a status carrying its id before it is failed as `unconfirmed`. */
  confirmWaitMs?: number;
}

interface PhoneNumberInfo {
  display_phone_number?: string;
  verified_name?: string;
  quality_rating?: string;
}

/**
 * A number on the WhatsApp Business Cloud API, behind the same Transport as whatsapp-web.js:
 * the outbox sends through it, the webhook receiver feeds its `message` and `ack` events.
 * Connecting checks the token; there is no QR, pairing code or history to read.
 */
export class CloudTransport implements Transport {
  private readonly graph: GraphClient;
  private stopped = false;

  constructor(private readonly options: CloudTransportOptions) {
    this.graph = new GraphClient({
      settings: () => readGraphSettings(options.sqlite),
      token: () => this.secrets().accessToken ?? '',
      timeoutMs: options.timeoutMs ?? 20_000,
    });
  }

  private secrets() {
    const secrets = cloudSecretsOf(this.options.sqlite, this.options.numberId);
    if (!secrets) throw new TransportError('error', 'This number has no Cloud API credentials');
    return secrets;
  }

  async connect(): Promise<void> {
    const { phoneNumberId, accessToken } = this.secrets();
    // A token sealed with another data folder's key (a backup restored elsewhere) must be entered again.
    if (!accessToken) throw new TransportError('token_expired', 'The access token cannot be opened on this computer; enter it again');
    let info: PhoneNumberInfo;
    try {
      info = await this.graph.get<PhoneNumberInfo>(phoneNumberId, { fields: 'display_phone_number,verified_name,quality_rating' });
    } catch (error) {
      throw this.connectFailure(error);
    }
    const now = this.options.clock.now();
    statement<[string | null, string | null, string | null, number, number, number], unknown>(
      this.options.sqlite,
      'update cloud_numbers set display_phone_number = ?, verified_name = ?, quality_rating = ?, checked_at = ?, token_expired_at = null, updated_at = ? where whatsapp_number_id = ?',
    ).run(info.display_phone_number ?? null, info.verified_name ?? null, info.quality_rating ?? null, now, now, this.options.numberId);
    this.stopped = false;
    const digits = info.display_phone_number?.replace(/\D/g, '') ?? '';
    this.options.events.ready({ phone: digits.length >= 5 ? digits : null });
  }

  private connectFailure(error: unknown): TransportError {
    if (!(error instanceof GraphError)) return new TransportError('error', String(error));
    if (error.code === tokenExpiredCode) {
      this.markTokenExpired();
      return new TransportError('token_expired', error.message);
    }
    if (error.kind === 'network' || error.kind === 'timeout') return new TransportError('unreachable', error.message);
    return new TransportError('error', `Meta ${error.code ?? error.status}: ${error.message}`);
  }

  private markTokenExpired(): void {
    const now = this.options.clock.now();
    statement<[number, number, number], unknown>(
      this.options.sqlite,
      'update cloud_numbers set token_expired_at = coalesce(token_expired_at, ?), updated_at = ? where whatsapp_number_id = ?',
    ).run(now, now, this.options.numberId);
  }

  disconnect(): Promise<void> {
    this.stopped = true;
    return Promise.resolve();
  }

  /** Nothing to unlink on Meta's side: the credentials are removed with the number. */
  logout(): Promise<void> {
    this.stopped = true;
    return Promise.resolve();
  }

  async send(chatId: string, content: OutboundContent): Promise<{ providerId: string | null }> {
    const { phoneNumberId } = this.secrets();
    const to = recipientOf(chatId);
    const mediaId = content.media && !content.template ? await this.upload(phoneNumberId, content.media) : null;
    try {
      const answer = await this.graph.post<{ messages?: { id?: string }[] }>(`${phoneNumberId}/messages`, messageBody(to, content, mediaId));
      return { providerId: answer.messages?.[0]?.id ?? null };
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      if (error.kind === 'timeout') return this.awaitStatus(content.localId, error);
      throw this.failure(error);
    }
  }

  /**
   * The send may have gone out: Meta's answer was lost. Sending again could reach the customer
   * twice, so the message waits for a status carrying its id (the receiver calls
   * `cloudStatusForLocalId`); none within the wait, and it is failed as `unconfirmed` for the
   * agent to decide.
   */
  private async awaitStatus(localId: number | undefined, error: GraphError): Promise<{ providerId: string | null }> {
    if (localId === undefined) throw new SendError(`${error.message}; it may have been sent`, true, 'unconfirmed');
    this.options.logger.warn('cloud send timed out; waiting for its status', { numberId: this.options.numberId, messageId: localId });
    const waiting = localIdStatusesOf(this.options.sqlite).wait(localId);
    const cancelWake = this.options.clock.wakeAt(this.options.clock.now() + (this.options.confirmWaitMs ?? 10 * 60_000), () => waiting.cancel());
    const wamid = await waiting.result;
    cancelWake();
    if (wamid) return { providerId: wamid };
    throw new SendError('Meta did not answer and no status came for this message: it may or may not have been sent', true, 'unconfirmed');
  }

  private failure(error: GraphError): SendError {
    if (error.code === tokenExpiredCode) {
      // The number is down until an admin saves a new token; the message waits in the queue.
      this.markTokenExpired();
      if (!this.stopped) {
        this.stopped = true;
        this.options.events.disconnected({ reason: 'token_expired', detail: error.message });
      }
      return new SendError(`Meta 190: ${error.message}`, false);
    }
    return sendErrorOf(error);
  }

  /** POST /{phone-number-id}/media: the file goes up once, the message names its id. */
  private async upload(phoneNumberId: string, media: NonNullable<OutboundContent['media']>): Promise<string> {
    const form = new FormData();
    form.set('messaging_product', 'whatsapp');
    form.set('type', media.mimeType);
    form.set('file', new Blob([new Uint8Array(media.data)], { type: media.mimeType }), media.name);
    try {
      const answer = await this.graph.postForm<{ id?: string }>(`${phoneNumberId}/media`, form);
      if (!answer.id) throw new SendError('Meta accepted the file but gave no media id', false);
      return answer.id;
    } catch (error) {
      // An upload sends nothing to the customer: a timeout is simply tried again.
      if (error instanceof GraphError) throw error.kind === 'timeout' ? new SendError(error.message, false) : this.failure(error);
      throw error;
    }
  }

  /** The blue ticks: POST /{phone-number-id}/messages with `status: read`. */
  async markRead(providerId: string): Promise<void> {
    const { phoneNumberId } = this.secrets();
    await this.graph.post(`${phoneNumberId}/messages`, { messaging_product: 'whatsapp', status: 'read', message_id: providerId });
  }

  /** A received file by Meta's media id: its short-lived URL, then the bytes with the token. */
  async downloadMediaById(mediaId: string): Promise<DownloadedMedia | null> {
    try {
      const meta = await this.graph.get<{ url?: string; mime_type?: string }>(mediaId);
      if (!meta.url) return null;
      const file = await this.graph.download(meta.url);
      return { mimeType: meta.mime_type ?? file.mimeType, name: null, data: file.data };
    } catch (error) {
      // Meta forgets media after 30 days: "not found" is final, the rest is retried.
      if (error instanceof GraphError && error.code === 100) return null;
      throw error;
    }
  }

  /** The receiver keeps Meta's media id (and a document's file name) per wamid in `cloud_media_ids` (issue 19, part B). */
  async downloadMedia(providerId: string): Promise<DownloadedMedia | null> {
    const row = statement<[number, string], { media_id: string; file_name: string | null }>(
      this.options.sqlite,
      'select media_id, file_name from cloud_media_ids where whatsapp_number_id = ? and whatsapp_message_id = ?',
    ).get(this.options.numberId, providerId);
    if (!row) throw new Error('No Cloud media id is known for this message yet');
    const file = await this.downloadMediaById(row.media_id);
    return file && { ...file, name: row.file_name };
  }

  requestPairingCode(): Promise<string> {
    return Promise.reject(new TransportError('not_started', 'A Cloud API number links with its access token, not a pairing code'));
  }

  phoneForLid(): Promise<string | null> {
    return Promise.resolve(null);
  }

  /**
   * The Cloud API keeps no history to read: Meta retries undelivered webhooks instead. With
   * messages left in flight by a crash this throws, so they are failed as `unconfirmed` rather
   * than sent a second time.
   */
  recentMessages(): Promise<InboundMessage[]> {
    const inFlight = statement<[number], { n: number }>(
      this.options.sqlite,
      "select count(*) as n from messages where whatsapp_number_id = ? and status = 'queued' and in_flight_at is not null",
    ).get(this.options.numberId)!.n;
    if (inFlight > 0) return Promise.reject(new Error('The Cloud API has no history to confirm messages that were being sent'));
    return Promise.resolve([]);
  }
}
