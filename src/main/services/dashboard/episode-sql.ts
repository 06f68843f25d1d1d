import type { DrillFigure } from '../../../shared/dashboard/types';

/**
 * The episodes are in two places (open-episode.ts): settled ones in dashboard_episodes, and each
 * conversation's open one (its last, unanswered) on its row. These are the two sources, with the
 * same columns, to be read as alias e; the open one is a plain subquery that SQLite flattens into
 * the outer query, so a range reads the conversations' open-episode index. That index holds the
 * dated open episodes: all of them once the staged counts are flushed, as every read does first.
 */
export const settledEpisodes = 'dashboard_episodes';
export const openEpisodes = `(select -c.id as id, c.id as conversation_id, c.whatsapp_number_id, c.open_started_at as started_at, c.open_start_day as start_day,
    null as first_reply_at, null as first_reply_message_id, null as first_reply_by, null as response_ms, null as office_response_ms, c.open_prev_start_day as prev_start_day
  from conversations c where c.open_start_day is not null)`;
export const episodeSources = [settledEpisodes, openEpisodes] as const;

/**
 * The SQL that says which episodes a figure counts, shared by the summary and its drill-down so a
 * card and the list behind it cannot disagree. Alias e = dashboard_episodes; the conversation is
 * looked up only where a figure needs it (an agent filter, waiting, a won deal's customer), so a
 * year of episodes is read from their own table.
 * Parameters: @from, @to (office days), @numbers (JSON ids), @agent, @target (ms).
 */
export const episodeInScope = `e.start_day between @from and @to
  and e.whatsapp_number_id in (select value from json_each(@numbers))
  and (@agent is null or e.first_reply_by = @agent
       or (e.first_reply_at is null and exists (select 1 from conversations a where a.id = e.conversation_id and a.assigned_agent_id = @agent)))`;

/** The range's episodes on the numbers in view, whoever answered: what the summary reads when no agent is chosen. */
export const episodeInRange = `e.start_day between @from and @to
  and e.whatsapp_number_id in (select value from json_each(@numbers))`;

/**
 * Waiting now: the conversation's last episode, no person has answered it (so it is the open one:
 * read from `openEpisodes` only), and the conversation is not resolved. The number is not an
 * index term (`+`): the open episodes' index, not every conversation on the numbers, is read.
 */
export const waitingNow = `c.status <> 'resolved'
  and +e.whatsapp_number_id in (select value from json_each(@numbers))
  and (@agent is null or c.assigned_agent_id = @agent)`;

/** The waiting conversations (alias c), read from the open episodes' index alone. */
export const waitingConversations = `conversations c where c.open_start_day is not null and c.status <> 'resolved'
  and +c.whatsapp_number_id in (select value from json_each(@numbers))
  and (@agent is null or c.assigned_agent_id = @agent)`;

/** The funnel's stages, reached after the episode started. */
export const funnelStage = {
  interested: 'exists (select 1 from conversation_property_interests i where i.conversation_id = e.conversation_id and i.created_at >= e.started_at)',
  viewingBooked: "exists (select 1 from viewings v where v.conversation_id = e.conversation_id and v.created_at >= e.started_at and v.status <> 'cancelled')",
  viewingDone: "exists (select 1 from viewings v where v.conversation_id = e.conversation_id and v.created_at >= e.started_at and v.status = 'done')",
  offer: 'exists (select 1 from offers o where o.conversation_id = e.conversation_id and o.created_at >= e.started_at)',
  won: `(exists (select 1 from offers o where o.conversation_id = e.conversation_id and o.created_at >= e.started_at and o.status = 'accepted')
    or exists (select 1 from invoice_documents d where d.contact_id = (select contact_id from conversations w where w.id = e.conversation_id)
               and d.kind = 'invoice' and d.status = 'issued'
               and d.payment_status = 'paid' and d.issued_at >= e.started_at))`,
} as const;

/**
 * The funnel of a set of episodes, read from the stages' side: per conversation the latest time
 * each stage was reached (its rows are few beside a year of episodes), then an episode reached a
 * stage when that time is at or after its start — the same test as `funnelStage`'s "exists a row
 * at or after the start", without six lookups per episode. `scope` filters alias e of `source`.
 */
export const funnelOf = (scope: string, source: string) => `with stage (conversation_id, interested, booked, done, offer, won) as (
    select conversation_id, created_at, null, null, null, null from conversation_property_interests
    union all
    select conversation_id, null, case when status <> 'cancelled' then created_at end, case when status = 'done' then created_at end, null, null
      from viewings where conversation_id is not null
    union all
    select conversation_id, null, null, null, created_at, case when status = 'accepted' then created_at end from offers
    union all
    select w.id, null, null, null, null, d.issued_at from invoice_documents d join conversations w on w.contact_id = d.contact_id
      where d.kind = 'invoice' and d.status = 'issued' and d.payment_status = 'paid'
  ),
  reached as (
    select conversation_id, max(interested) as interested, max(booked) as booked, max(done) as done, max(offer) as offer, max(won) as won
    from stage group by conversation_id
  )
  select coalesce(sum(r.interested >= e.started_at), 0) as interested, coalesce(sum(r.booked >= e.started_at), 0) as viewingBooked,
    coalesce(sum(r.done >= e.started_at), 0) as viewingDone, coalesce(sum(r.offer >= e.started_at), 0) as offer, coalesce(sum(r.won >= e.started_at), 0) as won
  from reached r join ${source} e on e.conversation_id = r.conversation_id
  where ${scope}`;

/** What a drill-down adds to the range's episodes (waiting replaces the range: it is now). */
export const figureFilter: Record<Exclude<DrillFigure, 'waiting'>, string> = {
  episodes: '1',
  answered: 'e.first_reply_at is not null',
  unanswered: 'e.first_reply_at is null',
  withinTarget: 'e.office_response_ms <= @target',
  ...funnelStage,
};
