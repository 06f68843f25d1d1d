import type Database from 'better-sqlite3';

export interface InboxRow {
  id: number;
  whatsapp_number_id: number | null;
  body: Buffer;
  received_at: number;
}

/**
 * The durable half of "acknowledge": Meta's body, raw, in one insert (WAL) before the 200.
 * Rows are read in order in batches and deleted in the batch's own transaction, so a crash
 * at any point leaves them to be processed again at the next start (ingest makes that a no-op).
 */
export class WebhookInbox {
  private readonly q;

  constructor(sqlite: Database.Database) {
    this.q = {
      insert: sqlite.prepare<[number | null, Buffer, number]>('insert into cloud_webhook_inbox (whatsapp_number_id, body, received_at) values (?, ?, ?)'),
      next: sqlite.prepare<[number, number], InboxRow>('select id, whatsapp_number_id, body, received_at from cloud_webhook_inbox where id > ? order by id limit ?'),
      remove: sqlite.prepare<[number, number]>('delete from cloud_webhook_inbox where id >= ? and id <= ?'),
      count: sqlite.prepare<[], { n: number }>('select count(*) as n from cloud_webhook_inbox'),
    };
  }

  add(numberId: number | null, body: Buffer, receivedAt: number): number {
    return Number(this.q.insert.run(numberId, body, receivedAt).lastInsertRowid);
  }

  /** The next rows after `afterId`, oldest first. */
  next(afterId: number, limit: number): InboxRow[] {
    return this.q.next.all(afterId, limit);
  }

  /** Deletes a processed run of rows (call inside the transaction that processed them). */
  remove(fromId: number, toId: number): void {
    this.q.remove.run(fromId, toId);
  }

  waiting(): number {
    return this.q.count.get()!.n;
  }
}
