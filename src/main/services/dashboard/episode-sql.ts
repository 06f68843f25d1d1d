import type { DrillFigure } from '../../../shared/dashboard/types';

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

/** Waiting now: the conversation's latest episode, not resolved, and no person has answered it. */
export const waitingNow = `e.first_reply_at is null and c.status <> 'resolved'
  and e.whatsapp_number_id in (select value from json_each(@numbers))
  and (@agent is null or c.assigned_agent_id = @agent)
  and not exists (select 1 from dashboard_episodes n where n.conversation_id = e.conversation_id and n.started_at > e.started_at)`;

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

/** What a drill-down adds to the range's episodes (waiting replaces the range: it is now). */
export const figureFilter: Record<Exclude<DrillFigure, 'waiting'>, string> = {
  episodes: '1',
  answered: 'e.first_reply_at is not null',
  unanswered: 'e.first_reply_at is null',
  withinTarget: 'e.office_response_ms <= @target',
  ...funnelStage,
};
