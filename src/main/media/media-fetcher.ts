import type Database from 'better-sqlite3';
import { baseMimeType, cleanFileName, maxMediaBytes, receivedMediaType } from '../../shared/media/rules';
import type { Clock } from '../base/clock';
import type { Logger } from '../base/logger';
import type { InboundSource } from '../whatsapp/transport';
import type { MediaStore } from './media-store';
import { contentMatchesType, sniffBytes } from './sniff-type';

/** How many waiting files one ready number fetches again, newest first. */
const retryBatch = 100;

/**
 * Downloads customers' photos, voice notes and documents after their message is stored (so a
 * slow download never holds ingest's write lock), one at a time per number, into the media
 * store. A download that fails because the number dropped stays `pending` and is fetched
 * again when the number is next ready; one WhatsApp no longer has is `unavailable`.
 */
export class MediaFetcher {
  private readonly queues = new Map<number, Promise<void>>();
  private readonly q;
  private closed = false;

  constructor(
    sqlite: Database.Database,
    private readonly store: MediaStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    /** A message's file arrived (or will never): windows show it. */
    private readonly changed: (messageId: number) => void,
  ) {
    this.q = {
      pending: sqlite.prepare<[number, number], { id: number; whatsapp_message_id: string }>(
        `select id, whatsapp_message_id from messages indexed by messages_media_pending
         where whatsapp_number_id = ? and media_status = 'pending' and whatsapp_message_id is not null order by id desc limit ?`,
      ),
      stillPending: sqlite.prepare<[number], { id: number }>("select id from messages where id = ? and media_status = 'pending'"),
      store: sqlite.transaction((messageId: number, file: { type: string; sha256: string; name: string | null; size: number; mimeType: string }, now: number) => {
        sqlite
          .prepare('insert into message_attachments (message_id, type, sha256, name, size, mime_type, created_at) values (?, ?, ?, ?, ?, ?, ?)')
          .run(messageId, file.type, file.sha256, file.name, file.size, file.mimeType, now);
        sqlite.prepare("update messages set media_status = 'ready' where id = ?").run(messageId);
      }),
      unavailable: sqlite.prepare<[number]>("update messages set media_status = 'unavailable' where id = ? and media_status = 'pending'"),
    };
  }

  /** Fetches one message's file in turn with the number's other downloads. */
  fetch(numberId: number, messageId: number, providerId: string, transport: InboundSource): Promise<void> {
    return this.enqueue(numberId, () => this.download(numberId, messageId, providerId, transport));
  }

  /** The number is ready again: files that could not be fetched before are tried once more. */
  retryPending(numberId: number, transport: InboundSource): Promise<void> {
    return this.enqueue(numberId, async () => {
      for (const row of this.q.pending.all(numberId, retryBatch)) {
        if (this.closed) return;
        const ok = await this.download(numberId, row.id, row.whatsapp_message_id, transport);
        if (!ok) return;
      }
    });
  }

  /** Resolves when every download queued so far is done (tests, shutdown). */
  async idle(): Promise<void> {
    await Promise.all([...this.queues.values()]);
  }

  close(): void {
    this.closed = true;
  }

  private enqueue(numberId: number, work: () => Promise<unknown>): Promise<void> {
    const previous = this.queues.get(numberId) ?? Promise.resolve();
    const next = previous.then(async () => {
      if (!this.closed) await work();
    });
    const settled = next.catch((error: unknown) => this.logger.warn('media download failed', { numberId, error: String(error) }));
    this.queues.set(numberId, settled);
    void settled.then(() => {
      if (this.queues.get(numberId) === settled) this.queues.delete(numberId);
    });
    return settled;
  }

  /** False when the number could not be asked (it dropped): the rest wait for the next ready. */
  private async download(numberId: number, messageId: number, providerId: string, transport: InboundSource): Promise<boolean> {
    if (!this.q.stillPending.get(messageId)) return true;
    let media;
    try {
      media = await transport.downloadMedia(providerId);
    } catch (error) {
      this.logger.warn('media download will be retried when the number is ready', { numberId, messageId, error: String(error) });
      return false;
    }
    if (this.closed) return false;
    if (!media || media.data.length === 0 || media.data.length > maxMediaBytes) {
      if (this.q.unavailable.run(messageId).changes > 0) this.changed(messageId);
      return true;
    }
    const { sha256, size } = this.store.put(media.data);
    const declared = { type: receivedMediaType(media.mimeType), mimeType: baseMimeType(media.mimeType) };
    // A photo, video or voice note is shown inline, so its bytes must be what it claims; one that
    // is not (or a type we cannot vouch for) is kept as a plain document to save, never rendered.
    const shown = declared.type === 'document' || contentMatchesType(media.data.subarray(0, sniffBytes), declared.mimeType) === true;
    const { type, mimeType } = shown ? declared : { type: 'document' as const, mimeType: 'application/octet-stream' };
    if (!shown) this.logger.warn('received file does not match its type: kept as a document', { numberId, messageId, declared: declared.mimeType });
    const name = media.name ? cleanFileName(media.name, type) : null;
    this.q.store(messageId, { type, sha256, name, size, mimeType }, this.clock.now());
    this.changed(messageId);
    return true;
  }
}
