import type Database from 'better-sqlite3';
import type { DashboardSummary } from '../../../shared/dashboard/types';
import { statement } from '../../db/statement';
import { episodeInRange, episodeInScope, episodeSources, funnelOf, openEpisodes, settledEpisodes, waitingConversations } from './episode-sql';

/** What the range reads take: office days, the numbers in view (JSON ids), an agent or null, the target (ms). */
export interface RangeParams {
  from: string;
  to: string;
  numbers: string;
  agent: number | null;
  target: number;
}

/** An answered episode's figures: who answered (null: on the phone), the wait and the office time of it. */
export type Reply = [by: number | null, wallMs: number, officeMs: number];

export interface EpisodeCounts {
  episodes: number;
  conversations: number;
  funnel: DashboardSummary['funnel'];
}

/**
 * The summary's reads of a range's episodes and customers, by index: the answered episodes from
 * one covering index, counts without distinct over the range (a conversation's episodes in the
 * range less those whose previous one is in it too), the funnel from the stages' few rows, and
 * active customers from their last day when the range ends after every customer's last day.
 * An agent's view counts episodes that turn on who a conversation is assigned to now, so it
 * reads them one by one (an agent's episodes are few).
 */
export class RangeFigures {
  constructor(private readonly sqlite: Database.Database) {}

  /** Answered episodes are all settled ones. */
  replies(p: RangeParams): Reply[] {
    return statement<[RangeParams], Reply>(
      this.sqlite,
      `select e.first_reply_by, e.response_ms, e.office_response_ms from ${settledEpisodes} e
       where ${episodeInRange} and e.first_reply_at is not null and (@agent is null or e.first_reply_by = @agent)`,
    )
      .raw()
      .all(p);
  }

  /** Settled and open episodes alike (episode-sql.ts), each source read by its own index and the figures added. */
  counts(p: RangeParams): EpisodeCounts {
    const scope = p.agent === null ? episodeInRange : episodeInScope;
    const funnel = { interested: 0, viewingBooked: 0, viewingDone: 0, offer: 0, won: 0 };
    for (const source of episodeSources) {
      const part = statement<[RangeParams], Omit<DashboardSummary['funnel'], 'inquiries'>>(this.sqlite, funnelOf(scope, source)).get(p)!;
      for (const key of Object.keys(funnel) as (keyof typeof funnel)[]) funnel[key] += part[key];
    }
    if (p.agent !== null) {
      // A conversation has at most one open episode, and it is its last: distinct over both sources.
      const row = statement<[RangeParams], { episodes: number; conversations: number }>(
        this.sqlite,
        `select count(*) as episodes, count(distinct conversation_id) as conversations from (
           select e.conversation_id from ${settledEpisodes} e where ${episodeInScope}
           union all
           select e.conversation_id from ${openEpisodes} e where ${episodeInScope})`,
      ).get(p)!;
      return { ...row, funnel: { inquiries: row.episodes, ...funnel } };
    }
    let episodes = 0;
    let again = 0;
    for (const source of episodeSources) {
      episodes += statement<[RangeParams], number>(this.sqlite, `select count(*) from ${source} e where ${episodeInRange}`).pluck().get(p)!;
      // An episode whose conversation had one earlier in the range is that conversation counted again.
      again += statement<[RangeParams], number>(
        this.sqlite,
        `select count(*) from ${source} e where ${episodeInRange} and e.prev_start_day is not null and e.prev_start_day >= @from`,
      )
        .pluck()
        .get(p)!;
    }
    return { episodes, conversations: episodes - again, funnel: { inquiries: episodes, ...funnel } };
  }

  /** Customers who wrote on a number in view on a day of the range. */
  activeContacts(p: Pick<RangeParams, 'from' | 'to' | 'numbers'>): number {
    const numbers = 'whatsapp_number_id in (select value from json_each(@numbers))';
    const later = statement<[typeof p], number>(this.sqlite, `select exists (select 1 from dashboard_contact_days where day > @to and ${numbers})`).pluck().get(p)!;
    // No customer wrote after the range (a preset ends today): whoever's last day is in it wrote in it.
    if (!later) return statement<[typeof p], number>(this.sqlite, `select count(distinct contact_id) from dashboard_contact_last where last_day >= @from and ${numbers}`).pluck().get(p)!;
    return statement<[typeof p], number>(this.sqlite, `select count(distinct contact_id) from dashboard_contact_days where day between @from and @to and ${numbers}`)
      .pluck()
      .get(p)!;
  }

  waitingCount(p: RangeParams): number {
    return statement<[RangeParams], number>(this.sqlite, `select count(*) from ${waitingConversations}`)
      .pluck()
      .get(p)!;
  }
}
