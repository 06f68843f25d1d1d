import type Database from 'better-sqlite3';
import type { OfficeCalendar } from '../../calendar/office-calendar';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import { officeDayAround, zoneOfSetting } from '../../db/office-day-function';
import { settingsWrites, type SettingsWrites } from '../../db/settings-writes';
import { isPersonReply, isSentStatus, isSystemLine, sentSql } from './message-counting';
import { EpisodeRewalks } from './episode-rewalks';
import { OpenEpisodes, type EpisodeReply } from './open-episode';
import { rebuildConversationEpisodes } from './stats-rebuild';
import { openMsBetween } from './office-time';
import { stagedCounts, type StagedCounts } from './staged-counts';

/** How a customer's message reached its conversation (ingest knows it from the row it read or wrote). */
export interface CustomerArrival {
  /** The conversation was resolved. */
  reopened: boolean;
  /** Written before the conversation's last message. */
  late: boolean;
  /** The conversation was created with this message. */
  created: boolean;
  /** The conversation's row held an open episode before this message. */
  open: boolean;
}

/** What the keeper needs of a stored message (a `messages` row's columns). */
export interface CountedMessage {
  id: number;
  conversation_id: number;
  whatsapp_number_id: number;
  sender: string;
  sender_id?: number | null;
  type: string;
  created_at: number;
}

/**
 * Keeps the dashboard's figures (episodes, daily rollups, active customers) current inside the
 * caller's transaction: ingest calls it for each stored message, the outbox for each message
 * WhatsApp took. A few indexed statements per message, so ingest stays fast; the daily and
 * contact counts are staged and flushed in batches (staged-counts.ts). What it keeps is exactly
 * what stats-rebuild.ts computes from raw rows (a test holds them equal).
 */
export class StatsKeeper {
  private readonly q;
  private readonly open: OpenEpisodes;
  private readonly rewalks: EpisodeRewalks;
  /** The daily and contact counts, staged off the WAL until a flush (staged-counts.ts). */
  private readonly staging: StagedCounts;
  /** The calendar for the settings last seen (office hours matter only to an answer's office time). */
  private known: { raw: string; writes: number; calendar: OfficeCalendar } | null = null;
  /**
   * The office day last worked out, in the zone below, and the instants it runs over: a message
   * within the same day as the last needs no time-zone arithmetic, nor a read of the zone unless a
   * setting was written since (settings-writes.ts).
   */
  private lastDay: { day: string; start: number; end: number } | null = null;
  /** The office.timeZone setting's stored value, read again once this connection wrote a setting. */
  private zone: { writes: number; stored: string | null } | null = null;
  private readonly settingsWritten: SettingsWrites;

  constructor(private readonly sqlite: Database.Database) {
    // The staging's TEMP table first: the open episodes read the days staged in it.
    this.staging = stagedCounts(sqlite);
    this.settingsWritten = settingsWrites(sqlite);
    this.open = new OpenEpisodes(sqlite);
    this.rewalks = new EpisodeRewalks(sqlite);
    // `+?` where a statement has ORDER BY: with a plain parameter SQLite prepares such a statement
    // again on every run (~10 µs a lookup here, measured); the unary plus keeps its plan and index.
    this.q = {
      calendarSettings: sqlite.prepare<[], { raw: string }>(
        "select coalesce(group_concat(key || '=' || value, '|'), '') as raw from settings where key in ('office.timeZone', 'office.hours')",
      ),
      zoneSetting: sqlite.prepare<[], string>("select value from settings where key = 'office.timeZone'").pluck(),
      startEpisode: sqlite.prepare<[number, number, number, string, string | null]>(
        'insert into dashboard_episodes (conversation_id, whatsapp_number_id, started_at, start_day, prev_start_day) values (?, ?, ?, ?, ?)',
      ),
      deleteEpisode: sqlite.prepare<[number]>('delete from dashboard_episodes where id = ?'),
      // Neighbours of a reopened episode in (started_at, id) order; the new row's id is the highest, so it follows its ties.
      previousDay: sqlite.prepare<[number, number], string>(
        'select start_day from dashboard_episodes where conversation_id = +? and started_at <= +? order by started_at desc, id desc limit 1',
      ).pluck(),
      // The conversation's status at an instant: its last change then (a change in the same millisecond comes first, as in a rebuild).
      statusAt: sqlite
        .prepare<[number, number], string | null>(
          `select json_extract(details, '$.to') from activity_log
           where action = 'conversation.status_changed' and entity_type = 'conversation' and entity_id = +? and created_at <= +?
           order by created_at desc, id desc limit 1`,
        )
        .pluck(),
      nextEpisode: sqlite.prepare<[number, number], number>('select id from dashboard_episodes where conversation_id = +? and started_at > +? order by started_at, id limit 1').pluck(),
      setPreviousDay: sqlite.prepare<[string, number]>('update dashboard_episodes set prev_start_day = ? where id = ?'),
      episodeAt: sqlite.prepare<[number, number], EpisodeRow>(
        `select id, started_at, first_reply_at, first_reply_message_id from dashboard_episodes
         where conversation_id = +? and started_at <= +? order by started_at desc, id desc limit 1`,
      ),
      setReply: sqlite.prepare<[number | null, number | null, number | null, number | null, number | null, number]>(
        'update dashboard_episodes set first_reply_at = ?, first_reply_message_id = ?, first_reply_by = ?, response_ms = ?, office_response_ms = ? where id = ?',
      ),
      // Through the conversation's episodes: an index on the reply's id would cost a write per answered episode.
      episodesRepliedBy: sqlite.prepare<[number, number], { id: number; conversation_id: number; whatsapp_number_id: number; started_at: number; start_day: string; prev_start_day: string | null }>(
        'select id, conversation_id, whatsapp_number_id, started_at, start_day, prev_start_day from dashboard_episodes where conversation_id = ? and first_reply_message_id = ?',
      ),
      nextStart: sqlite.prepare<[number, number, number, number], { started_at: number }>(
        `select started_at from dashboard_episodes where conversation_id = +? and (started_at > +? or (started_at = +? and id > +?))
         order by started_at, id limit 1`,
      ),
      firstReplyIn: sqlite.prepare<[number, number, number], { id: number; sender_id: number | null; created_at: number }>(
        `select m.id, m.sender_id, m.created_at from messages m
         where m.conversation_id = +? and m.sender = 'agent' and ${sentSql} and m.created_at >= +? and m.created_at < +?
         order by m.created_at, m.id limit 1`,
      ),
    };
  }

  /**
   * Ingest writes a customer's new conversation with its first episode open on the row
   * (conversations.open_started_at, undated as OpenEpisodes opens them); customerMessage with
   * `created` then stages its day and opens none of its own.
   */
  opensEpisodeOnInsert(): boolean {
    return true;
  }

  /**
   * A customer's message was stored: counted, and it starts an episode when none is open (a first
   * message, or one after resolving). `late`: the conversation already has a later message.
   * `created`: its conversation was created with it, its episode open on the row
   * (opensEpisodeOnInsert). `open`: the conversation's row already held an open episode.
   */
  customerMessage(message: CountedMessage, contactId: number, arrival: CustomerArrival): void {
    if (isSystemLine(message.type)) return;
    const conversation = message.conversation_id;
    const day = this.day(message.created_at);
    const { reopened, late, created, open } = arrival;
    // As a rebuild walks it: a new episode only when the conversation was resolved at the message's
    // time. One written before the resolve, arriving after it, is in the episode it was written in;
    // the conversation's next message, written after the resolve, starts one (episode-rewalks.ts).
    const resolvedThen = reopened && this.q.statusAt.get(conversation, message.created_at) === 'resolved';
    let opened = false;
    // A late message falls between episodes already kept: its conversation's are walked again from raw rows.
    if (late || this.rewalks.take(conversation)) rebuildConversationEpisodes(this.sqlite, [conversation]);
    else if (resolvedThen) opened = this.reopen(message, day);
    else if (created) opened = true;
    else if (!open) opened = this.open.first(conversation, message.created_at);
    this.staging.count(day, message.whatsapp_number_id, 0, 'in', message.type, 1, contactId, opened ? conversation : null);
    this.staging.staged();
    // Only when a resolve after it is on record: a conversation resolved with none (data from before
    // the log kept status changes) is walked by a rebuild as never resolved, as here.
    if (reopened && !resolvedThen && this.q.statusAt.get(conversation, Number.MAX_SAFE_INTEGER) === 'resolved') this.rewalks.mark(conversation, message.created_at);
  }

  /** Our message left (the outbox sent it, or it was typed on the phone): counted, and a person's first reply answers its episode. */
  ourMessageSent(message: CountedMessage): void {
    if (isSystemLine(message.type)) return;
    this.staging.count(this.day(message.created_at), message.whatsapp_number_id, message.sender_id ?? 0, 'out', message.type, 1);
    this.staging.staged();
    if (!isPersonReply(message.sender)) return;
    // The open episode is the conversation's last: a reply after its start answers it.
    const open = this.open.get(message.conversation_id);
    if (open && open.startedAt <= message.created_at) return this.open.settle(open, this.replyTo(open.startedAt, message));
    const episode = this.q.episodeAt.get(message.conversation_id, message.created_at);
    if (!episode) return;
    const earlier =
      episode.first_reply_at === null ||
      message.created_at < episode.first_reply_at ||
      (message.created_at === episode.first_reply_at && message.id < (episode.first_reply_message_id ?? Infinity));
    if (earlier) this.answer(episode.id, episode.started_at, message);
  }

  /**
   * The outbox deletes its own echo, stored twice: its counts go, and an episode it answered is
   * answered again from the messages left once `remove` has deleted the row.
   */
  removed(message: CountedMessage, direction: 'in' | 'out', remove: () => void): void {
    this.withdraw(message, direction, remove);
  }

  /**
   * Our message's status moves (an ack, a failure) in `write`: one that left and then failed is
   * no longer counted, nor an answer; one that left only now (a status before the send returned,
   * a failure overtaken by `sent`) is counted now.
   */
  statusChanged(message: CountedMessage & { status: string }, to: string, write: () => void): void {
    const was = isSentStatus(message.status);
    const is = isSentStatus(to);
    if (was && !is) return this.withdraw(message, 'out', write);
    write();
    if (!was && is) this.ourMessageSent(message);
  }

  /** A counted message goes (deleted, or failed after all): its count goes, and an episode it answered is answered again once `write` ran. */
  private withdraw(message: CountedMessage, direction: 'in' | 'out', write: () => void): void {
    const answered = this.q.episodesRepliedBy.all(message.conversation_id, message.id);
    write();
    if (!isSystemLine(message.type)) {
      const day = this.day(message.created_at);
      this.staging.count(day, message.whatsapp_number_id, direction === 'in' ? 0 : (message.sender_id ?? 0), direction, message.type, -1);
      this.staging.staged();
    }
    for (const episode of answered) {
      const settledNext = this.q.nextStart.get(episode.conversation_id, episode.started_at, episode.started_at, episode.id)?.started_at;
      // No settled episode after it: the open one, if any, is next.
      const open = settledNext === undefined ? this.open.get(episode.conversation_id) : undefined;
      const next = settledNext ?? open?.startedAt ?? Number.MAX_SAFE_INTEGER;
      const reply = this.q.firstReplyIn.get(episode.conversation_id, episode.started_at, next);
      if (reply) this.answer(episode.id, episode.started_at, reply);
      else if (next === Number.MAX_SAFE_INTEGER) {
        // The conversation's last episode, unanswered again: open once more, as a rebuild keeps it.
        this.q.deleteEpisode.run(episode.id);
        this.open.open(episode.conversation_id, episode.started_at, episode.start_day, episode.prev_start_day);
      } else this.q.setReply.run(null, null, null, null, null, episode.id);
    }
  }

  /** A stored message changed type (it could not be decrypted at first): counted under its real type. */
  retyped(message: CountedMessage, newType: string, direction: 'in' | 'out'): void {
    if (message.type === newType) return;
    const day = this.day(message.created_at);
    const agent = direction === 'in' ? 0 : (message.sender_id ?? 0);
    if (!isSystemLine(message.type)) this.staging.count(day, message.whatsapp_number_id, agent, direction, message.type, -1);
    if (!isSystemLine(newType)) this.staging.count(day, message.whatsapp_number_id, agent, direction, newType, 1);
    this.staging.staged();
  }

  /**
   * A new episode after resolving: it follows the conversation's earlier ones and becomes the
   * open one (true: opened undated, for the caller to stage its day); one that precedes a later
   * episode (a late message, from a catch-up) is settled.
   */
  private reopen(message: CountedMessage, day: string): boolean {
    const conversation = message.conversation_id;
    const open = this.open.get(conversation);
    if (open && open.startedAt <= message.created_at) {
      // No one answered the open episode before this one started: settled unanswered.
      this.open.settle(open, null);
      this.open.openUndated(conversation, message.created_at, open.startDay);
      return true;
    }
    const previous = this.q.previousDay.get(conversation, message.created_at) ?? null;
    const next = open ? undefined : this.q.nextEpisode.get(conversation, message.created_at);
    if (!open && next === undefined) {
      this.open.openUndated(conversation, message.created_at, previous);
      return true;
    }
    this.q.startEpisode.run(conversation, message.whatsapp_number_id, message.created_at, day, previous);
    if (open) this.open.precededBy(conversation, day);
    else this.q.setPreviousDay.run(day, next!);
    return false;
  }

  /** The office day of an instant, in the zone the settings hold now. */
  private day(ms: number): string {
    const writes = this.settingsWritten.count();
    if (this.zone?.writes !== writes) {
      const stored = this.q.zoneSetting.get() ?? null;
      if (this.zone?.stored !== stored) this.lastDay = null;
      this.zone = { writes, stored };
    }
    const last = this.lastDay;
    if (last && ms >= last.start && ms < last.end) return last.day;
    this.lastDay = officeDayAround(ms, zoneOfSetting(this.zone.stored));
    return this.lastDay.day;
  }

  private calendar(): OfficeCalendar {
    const writes = this.settingsWritten.count();
    if (this.known?.writes === writes) return this.known.calendar;
    const { raw } = this.q.calendarSettings.get()!;
    if (this.known?.raw !== raw) this.known = { raw, writes, calendar: officeCalendarOf(this.sqlite) };
    else this.known.writes = writes;
    return this.known.calendar;
  }

  private answer(episodeId: number, startedAt: number, message: Pick<CountedMessage, 'id' | 'sender_id' | 'created_at'>): void {
    const reply = this.replyTo(startedAt, message);
    this.q.setReply.run(reply.at, reply.messageId, reply.by, reply.responseMs, reply.officeResponseMs, episodeId);
  }

  private replyTo(startedAt: number, message: Pick<CountedMessage, 'id' | 'sender_id' | 'created_at'>): EpisodeReply {
    return {
      at: message.created_at,
      messageId: message.id,
      by: message.sender_id ?? null,
      responseMs: message.created_at - startedAt,
      officeResponseMs: openMsBetween(this.calendar(), startedAt, message.created_at),
    };
  }
}

interface EpisodeRow {
  id: number;
  started_at: number;
  first_reply_at: number | null;
  first_reply_message_id: number | null;
}
