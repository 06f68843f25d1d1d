import type Database from 'better-sqlite3';
import { normalizeSearchText } from '../../shared/search-text';
import type { Logger } from '../core/logger';

/**
 * Keeps the FTS5 tables in step with messages and contacts. Triggers queue every insert,
 * edit and delete inside the writer's own transaction (drizzle/0005_search_index.sql); this
 * drains the queue — normalising text the way searches normalise queries — before every
 * search and in the background, in batches, so a message's own commit stays small.
 */
export class SearchIndex {
  private readonly q;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly logger: Logger,
  ) {
    this.q = {
      pending: sqlite.prepare<[number], { rowid: number; kind: 'm' | 'c'; row_id: number }>('select rowid, kind, row_id from search_queue order by rowid limit ?'),
      done: sqlite.prepare<[number]>('delete from search_queue where rowid <= ?'),
      message: sqlite.prepare<[number], { content: string }>('select content from messages where id = ?'),
      contact: sqlite.prepare<[number], { name: string | null; email: string | null; phone: string | null }>('select name, email, phone from contacts where id = ?'),
      dropMessage: sqlite.prepare<[number]>('delete from messages_fts where rowid = ?'),
      addMessage: sqlite.prepare<[number, string]>('insert into messages_fts (rowid, content) values (?, ?)'),
      dropContact: sqlite.prepare<[number]>('delete from contacts_fts where rowid = ?'),
      addContact: sqlite.prepare<[number, string]>('insert into contacts_fts (rowid, name) values (?, ?)'),
      dropPhone: sqlite.prepare<[number]>('delete from contacts_phone_fts where rowid = ?'),
      // The phone's digits (E.164 without the +), for a trigram match on any run of them.
      addPhone: sqlite.prepare<[number, string]>("insert into contacts_phone_fts (rowid, digits) values (?, replace(?, '+', ''))"),
      size: sqlite.prepare<[], { n: number }>('select count(*) as n from search_queue'),
    };
  }

  /** Indexes up to `limit` queued changes; returns how many were taken. */
  flush(limit = 2_000): number {
    return this.sqlite.transaction(() => {
      const rows = this.q.pending.all(limit);
      const seen = new Set<string>();
      for (const row of rows) {
        const key = `${row.kind}${row.row_id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (row.kind === 'm') {
          this.q.dropMessage.run(row.row_id);
          const message = this.q.message.get(row.row_id);
          if (message && message.content.trim()) this.q.addMessage.run(row.row_id, normalizeSearchText(message.content));
        } else {
          this.q.dropContact.run(row.row_id);
          const contact = this.q.contact.get(row.row_id);
          const text = [contact?.name, contact?.email].filter(Boolean).join(' ');
          if (contact && text) this.q.addContact.run(row.row_id, normalizeSearchText(text));
          this.q.dropPhone.run(row.row_id);
          if (contact?.phone) this.q.addPhone.run(row.row_id, contact.phone);
        }
      }
      const last = rows[rows.length - 1];
      if (last) this.q.done.run(last.rowid);
      return rows.length;
    })();
  }

  /** Drains the queue in the background: a first import of years of messages is indexed without holding up the app. */
  start(intervalMs = 300): void {
    if (this.timer) return;
    const tick = () => {
      try {
        const taken = this.flush(5_000);
        this.timer = setTimeout(tick, taken === 5_000 ? 10 : intervalMs);
      } catch (error) {
        this.logger.error('search index failed', { error: String(error) });
        this.timer = setTimeout(tick, 10 * intervalMs);
      }
      this.timer.unref?.();
    };
    this.timer = setTimeout(tick, 0);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  pending(): number {
    return this.q.size.get()!.n;
  }
}
