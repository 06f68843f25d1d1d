import type Database from 'better-sqlite3';
import { normalizeSearchText } from '../../shared/search-text';
import type { Logger } from '../base/logger';
import type { WakingClock } from '../base/clock';

type Kind = 'm' | 'c';
/** Rows of each kind one background pass takes. */
const backgroundBatch = 5_000;
interface ContactText {
  name: string | null;
  email: string | null;
  phone: string | null;
}

/**
 * Keeps the FTS5 tables in step with messages and contacts. New rows are taken by id past a
 * high-water mark per table (search_progress), so storing a message or a new customer writes
 * nothing for search; triggers queue every other change — edits, deletions, and a row stored
 * at or below the mark — inside the writer's own transaction (drizzle/0005_search_index.sql,
 * 0011). This indexes both, normalising text the way searches normalise queries, before every
 * search and in the background, in batches, so a message's own commit stays small.
 */
export class SearchIndex {
  private readonly q;
  /** Cancels the background pass's next wake; null when the background indexer is stopped. */
  private cancel: (() => void) | null = null;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly logger: Logger,
    /** Wakes the background passes (no timers of its own: its tests move this clock). */
    private readonly clock: WakingClock,
  ) {
    this.q = {
      pending: sqlite.prepare<[number], { rowid: number; kind: Kind; row_id: number }>('select rowid, kind, row_id from search_queue order by rowid limit ?'),
      done: sqlite.prepare<[number]>('delete from search_queue where rowid <= ?'),
      size: sqlite.prepare<[], { n: number }>('select count(*) as n from search_queue'),
      mark: sqlite.prepare<[Kind], { last_id: number }>('select last_id from search_progress where kind = ?'),
      setMark: sqlite.prepare<[number, Kind]>('update search_progress set last_id = ? where kind = ?'),
      newMessages: sqlite.prepare<[number, number], { id: number; content: string }>('select id, content from messages where id > ? order by id limit ?'),
      newContacts: sqlite.prepare<[number, number], ContactText & { id: number }>('select id, name, email, phone from contacts where id > ? order by id limit ?'),
      countNew: {
        m: sqlite.prepare<[number], { n: number }>('select count(*) as n from messages where id > ?'),
        c: sqlite.prepare<[number], { n: number }>('select count(*) as n from contacts where id > ?'),
      },
      message: sqlite.prepare<[number], { content: string }>('select content from messages where id = ?'),
      contact: sqlite.prepare<[number], ContactText>('select name, email, phone from contacts where id = ?'),
      dropMessage: sqlite.prepare<[number]>('delete from messages_fts where rowid = ?'),
      addMessage: sqlite.prepare<[number, string]>('insert into messages_fts (rowid, content) values (?, ?)'),
      dropContact: sqlite.prepare<[number]>('delete from contacts_fts where rowid = ?'),
      addContact: sqlite.prepare<[number, string]>('insert into contacts_fts (rowid, name) values (?, ?)'),
      dropPhone: sqlite.prepare<[number]>('delete from contacts_phone_fts where rowid = ?'),
      // The phone's digits (E.164 without the +), for a trigram match on any run of them.
      addPhone: sqlite.prepare<[number, string]>("insert into contacts_phone_fts (rowid, digits) values (?, replace(?, '+', ''))"),
    };
  }

  /** Indexes up to `limit` new messages, new contacts and queued changes each; returns how many were taken. */
  flush(limit = 2_000): number {
    return this.sqlite.transaction(() => {
      const seen = new Set<string>();
      const from = { m: this.q.mark.get('m')!.last_id, c: this.q.mark.get('c')!.last_id };
      const messages = this.q.newMessages.all(from.m, limit);
      for (const m of messages) {
        seen.add(`m${m.id}`);
        this.addMessage(m.id, m.content);
      }
      const contacts = this.q.newContacts.all(from.c, limit);
      for (const c of contacts) {
        seen.add(`c${c.id}`);
        this.addContact(c.id, c);
      }
      const marks = { m: this.advance('m', from.m, messages), c: this.advance('c', from.c, contacts) };

      const rows = this.q.pending.all(limit);
      for (const row of rows) {
        const key = `${row.kind}${row.row_id}`;
        // Past the mark: never indexed yet, and a later flush takes the row as it is then.
        if (seen.has(key) || row.row_id > marks[row.kind]) continue;
        seen.add(key);
        if (row.kind === 'm') {
          this.q.dropMessage.run(row.row_id);
          const message = this.q.message.get(row.row_id);
          if (message) this.addMessage(row.row_id, message.content);
        } else {
          this.q.dropContact.run(row.row_id);
          this.q.dropPhone.run(row.row_id);
          const contact = this.q.contact.get(row.row_id);
          if (contact) this.addContact(row.row_id, contact);
        }
      }
      const last = rows[rows.length - 1];
      if (last) this.q.done.run(last.rowid);
      return messages.length + contacts.length + rows.length;
    })();
  }

  /**
   * Drains the queue in the background: a first import of years of messages is indexed without
   * holding up the app. A full batch is followed at once by the next; a failed pass (a full
   * disk, a locked file) is logged and tried again after ten intervals.
   */
  start(intervalMs = 300): void {
    if (this.cancel) return;
    const after = (ms: number) => {
      this.cancel = this.clock.wakeAt(this.clock.now() + ms, pass);
    };
    const pass = () => {
      try {
        const taken = this.flush(backgroundBatch);
        after(taken >= backgroundBatch ? 10 : intervalMs);
      } catch (error) {
        this.logger.error('search index failed', { error: String(error) });
        after(10 * intervalMs);
      }
    };
    after(0);
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  /** Changes not indexed yet: queued ones, new messages and new contacts. */
  pending(): number {
    const waiting = (kind: Kind) => this.q.countNew[kind].get(this.q.mark.get(kind)!.last_id)!.n;
    return this.q.size.get()!.n + waiting('m') + waiting('c');
  }

  /** Moves the kind's mark from `mark` past the rows just indexed; returns the mark. */
  private advance(kind: Kind, mark: number, taken: readonly { id: number }[]): number {
    const last = taken[taken.length - 1];
    if (!last) return mark;
    this.q.setMark.run(last.id, kind);
    return last.id;
  }

  private addMessage(id: number, content: string): void {
    if (content.trim()) this.q.addMessage.run(id, normalizeSearchText(content));
  }

  private addContact(id: number, contact: ContactText): void {
    const text = [contact.name, contact.email].filter(Boolean).join(' ');
    if (text) this.q.addContact.run(id, normalizeSearchText(text));
    if (contact.phone) this.q.addPhone.run(id, contact.phone);
  }
}
