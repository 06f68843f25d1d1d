import type Database from 'better-sqlite3';

const prefix = 'dashboard.rewalk.';

/**
 * Conversations whose next customer message must have its episodes walked again from raw rows.
 *
 * Why: a customer's message written before a resolve but reaching the desk after it reopens the
 * conversation in the inbox (nobody had read it) yet belongs to the episode it was written in, so
 * it starts none. The customer's next message, written after the resolve, then starts one — as a
 * rebuild walks it — although the conversation no longer looks resolved. That rare state is kept
 * as a settings row per conversation (`dashboard.rewalk.<id>`), so it survives a restart; memory
 * holds a superset of the rows, so the hot path asks SQLite only for these conversations.
 */
export class EpisodeRewalks {
  private readonly maybe = new Set<number>();
  private readonly q;

  constructor(sqlite: Database.Database) {
    this.q = {
      mark: sqlite.prepare<[string, number]>(`insert into settings (key, value, updated_at) values (?, '1', ?) on conflict (key) do nothing`),
      take: sqlite.prepare<[string], { key: string }>('delete from settings where key = ? returning key'),
    };
    const rows = sqlite.prepare<[string], string>("select key from settings where key like ? || '%'").pluck().all(prefix);
    for (const key of rows) this.maybe.add(Number(key.slice(prefix.length)));
  }

  /** The conversation's next customer message walks its episodes again. Inside the caller's transaction. */
  mark(conversationId: number, now: number): void {
    this.q.mark.run(prefix + conversationId, now);
    this.maybe.add(conversationId);
  }

  /**
   * Whether the conversation was marked; the mark goes. Memory forgets only once SQLite has no
   * mark: a transaction rolled back after taking it leaves it for the next message.
   */
  take(conversationId: number): boolean {
    if (!this.maybe.has(conversationId)) return false;
    if (this.q.take.get(prefix + conversationId)) return true;
    this.maybe.delete(conversationId);
    return false;
  }
}
