import type Database from 'better-sqlite3';
import { officeDayFunctionName } from '../../db/office-day-function';

/** A conversation's last episode while no one has answered it, kept on its row (conversations.open_*). */
export interface OpenEpisode {
  conversationId: number;
  numberId: number;
  startedAt: number;
  startDay: string;
  prevStartDay: string | null;
}

/** An episode's first reply by a person, as dashboard_episodes holds it. */
export interface EpisodeReply {
  at: number;
  messageId: number;
  by: number | null;
  responseMs: number;
  officeResponseMs: number;
}

/**
 * The open episode on the conversation's row: most messages open an episode, and ingest writes
 * the conversation's row in the same transaction anyway, so opening one costs no row of its own.
 * It is settled into dashboard_episodes when answered or when a later episode starts; the reads
 * take both (episode-sql.ts). A customer's message opens it undated: the office day, the key of
 * the open episodes' index, is written by the staged counts' flush (staged-counts.ts), so a
 * message touches no page of that index; every read flushes first. Until then the day is the
 * one staged (the zone's at the message), or, after a kill lost the staging and before the
 * recompute that follows, the start's day in the zone now.
 */
export class OpenEpisodes {
  private readonly q;
  /** Prepared at the first read: it reads the staging's TEMP table, which a rebuild's own OpenEpisodes may run without. */
  private getStatement: Database.Statement<[number], OpenEpisode> | null = null;

  constructor(private readonly sqlite: Database.Database) {
    this.q = {
      set: sqlite.prepare<[number, string | null, string | null, number]>('update conversations set open_started_at = ?, open_start_day = ?, open_prev_start_day = ? where id = ?'),
      // Most conversations asked for a first episode have had one (answered): a lookup says so for less than an update that changes nothing.
      hadEpisode: sqlite.prepare<[number], number>('select 1 from dashboard_episodes where conversation_id = ? limit 1').pluck(),
      first: sqlite.prepare<[number, number]>('update conversations set open_started_at = ? where id = ? and open_started_at is null'),
      setPrevious: sqlite.prepare<[string, number]>('update conversations set open_prev_start_day = ? where id = ?'),
      clear: sqlite.prepare<[number]>('update conversations set open_started_at = null, open_start_day = null, open_prev_start_day = null where id = ?'),
      settle: sqlite.prepare<[number, number, number, string, number | null, number | null, number | null, number | null, number | null, string | null]>(
        `insert into dashboard_episodes (conversation_id, whatsapp_number_id, started_at, start_day, first_reply_at, first_reply_message_id, first_reply_by, response_ms, office_response_ms, prev_start_day)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  get(conversationId: number): OpenEpisode | undefined {
    this.getStatement ??= this.sqlite.prepare<[number], OpenEpisode>(
      `select id as conversationId, whatsapp_number_id as numberId, open_started_at as startedAt, open_prev_start_day as prevStartDay,
         coalesce(open_start_day, (select day from temp.staged_message where opened_conversation_id = c.id order by rowid desc limit 1),
                  ${officeDayFunctionName}(open_started_at, (select value from settings where key = 'office.timeZone'))) as startDay
       from conversations c where id = +? and open_started_at is not null`,
    );
    return this.getStatement.get(conversationId);
  }

  /** Opens the conversation's first episode undated, unless it has had one: true when it did (its day is then staged). */
  first(conversationId: number, startedAt: number): boolean {
    if (this.q.hadEpisode.get(conversationId) !== undefined) return false;
    return this.q.first.run(startedAt, conversationId).changes > 0;
  }

  /** Opens an episode whose day is known (one answered no more). */
  open(conversationId: number, startedAt: number, startDay: string, prevStartDay: string | null): void {
    this.q.set.run(startedAt, startDay, prevStartDay, conversationId);
  }

  /** Opens a customer's new episode undated: the caller stages its day (StagedCounts.count). */
  openUndated(conversationId: number, startedAt: number, prevStartDay: string | null): void {
    this.q.set.run(startedAt, null, prevStartDay, conversationId);
  }

  /** An episode started before the open one (a late message): the open one's previous day is its. */
  precededBy(conversationId: number, startDay: string): void {
    this.q.setPrevious.run(startDay, conversationId);
  }

  /** The open episode moves to dashboard_episodes, answered by `reply` or for good unanswered; the row keeps none open. */
  settle(episode: OpenEpisode, reply: EpisodeReply | null): void {
    this.q.settle.run(
      episode.conversationId,
      episode.numberId,
      episode.startedAt,
      episode.startDay,
      reply?.at ?? null,
      reply?.messageId ?? null,
      reply?.by ?? null,
      reply?.responseMs ?? null,
      reply?.officeResponseMs ?? null,
      episode.prevStartDay,
    );
    this.q.clear.run(episode.conversationId);
  }
}
