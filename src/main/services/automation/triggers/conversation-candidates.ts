import type { AutomationTrigger } from '../../../../shared/automation/types';
import type { JobCandidates } from '../job-store';
import { ruleCovers, rulesCte, type RuleSource } from './rule-source';

/** Which conversations a candidate query looks at: one, a batch's (their messages just came), or all (a rule was enabled). */
export type ConversationScope = { kind: 'all' } | { kind: 'conversation'; conversationId: number } | { kind: 'conversations'; conversationIds: readonly number[] };

/** A person answered: an agent (in the app, or typed on the phone) or the AI. Automated messages are `system`. */
export const personSenders = `('agent', 'ai')`;

function scoped(scope: ConversationScope): { where: string; params: Record<string, unknown> } {
  if (scope.kind === 'all') return { where: '1', params: {} };
  if (scope.kind === 'conversation') return { where: 'c.id = @conversationId', params: { conversationId: scope.conversationId } };
  return { where: 'c.id in (select value from json_each(@conversationIds))', params: { conversationIds: JSON.stringify(scope.conversationIds) } };
}

/**
 * Conversations automation may write to: open (not archived, not resolved), on a number still
 * in the office, to a contact who did not opt out, and covered by one of the rules. Every
 * message that times a job is at most the conversation's last, so a conversation quiet for
 * longer than delay + lateness is passed over before any of its messages is read.
 */
const liveConversations = (where: string) => `
  from conversations c
  join whatsapp_numbers n on n.id = c.whatsapp_number_id and n.removed_at is null
  join contacts ct on ct.id = c.contact_id and ct.automation_opted_out_at is null
  where ${where} and c.is_archived = 0 and c.status <> 'resolved'
    and exists (select 1 from rules r where ${ruleCovers('c.whatsapp_number_id')}
      and coalesce(c.last_message_time, @now) + r.delay_minutes * 60000 >= @now - @lateness)`;

/**
 * The id of the message that opened the conversation's current episode: its first customer
 * message, or the first after its latest resolve (null: none yet). The message path asks it too,
 * to see whether an episode's welcome was already armed (message-triggers.ts).
 */
export const episodeOpener = (conversationId: string) => `(select m.id from messages m
            where m.conversation_id = ${conversationId} and m.sender = 'customer'
              and m.created_at > coalesce((
                select max(a.created_at) from activity_log a
                where a.action = 'conversation.status_changed' and a.entity_id = ${conversationId} and a.entity_type = 'conversation'
                  and json_extract(a.details, '$.to') = 'resolved'), -1)
            order by m.created_at, m.id limit 1)`;

/**
 * `new_inquiry`: the conversation's current episode — opened by its first customer message, or
 * the first after its latest resolve — when no person or AI has answered since. The episode's
 * opening message names the job, so a later message of the same episode arms nothing new, and a
 * rule switched off and on does not arm an episode it already had.
 */
export function newInquiryCandidates(source: RuleSource, scope: ConversationScope, now: number): JobCandidates {
  const rules = rulesCte('new_inquiry', source, now);
  const s = scoped(scope);
  return {
    sql: `with ${rules.sql},
      conv as (
        select c.id, c.contact_id, c.whatsapp_number_id,
          ${episodeOpener('c.id')} as opener_id
        ${liveConversations(s.where)}
      )
      select r.id as rule_id, r.name as rule_name, 'new_inquiry' as trigger, conv.whatsapp_number_id, conv.id as conversation_id, conv.contact_id,
        null as viewing_id, null as property_id,
        r.id || ':new_inquiry:c' || conv.id || ':m' || e.id as idempotency_key,
        e.created_at + r.delay_minutes * 60000 as due_at, null as context
      from conv
      join messages e on e.id = conv.opener_id
      join rules r on ${ruleCovers('conv.whatsapp_number_id')}
      where not exists (
          select 1 from messages p where p.conversation_id = conv.id and p.sender in ${personSenders}
            and p.created_at >= e.created_at and (p.created_at > e.created_at or p.id > e.id))
        and e.created_at + r.delay_minutes * 60000 >= @now - @lateness`,
    params: { ...rules.params, ...s.params },
  };
}

/**
 * `no_response_*`: conversations whose latest message from a person or a customer is a
 * person's (automated and system messages never count). Due that message's time + the delay;
 * named by the silence's first person message, so each tier fires once per silence, and a later
 * person message re-times the same job. Silences already past the lateness limit are left alone.
 */
export function noResponseCandidates(trigger: AutomationTrigger | readonly AutomationTrigger[], source: RuleSource, scope: ConversationScope, now: number): JobCandidates {
  const rules = rulesCte(trigger, source, now);
  const s = scoped(scope);
  return {
    sql: `with ${rules.sql},
      conv as (
        select c.id, c.contact_id, c.whatsapp_number_id,
          (select m.id from messages m where m.conversation_id = c.id and m.sender in ('customer', 'agent', 'ai')
            order by m.created_at desc, m.id desc limit 1) as last_id,
          (select m.id from messages m where m.conversation_id = c.id and m.sender = 'customer'
            order by m.created_at desc, m.id desc limit 1) as customer_id
        ${liveConversations(s.where)}
      ),
      silent as (
        select conv.id, conv.contact_id, conv.whatsapp_number_id, l.created_at as last_at,
          (select m.id from messages m where m.conversation_id = conv.id and m.sender in ${personSenders}
              and (cu.id is null or m.created_at > cu.created_at or (m.created_at = cu.created_at and m.id > cu.id))
            order by m.created_at, m.id limit 1) as first_id
        from conv
        join messages l on l.id = conv.last_id
        left join messages cu on cu.id = conv.customer_id
        where l.sender in ${personSenders}
      )
      select r.id as rule_id, r.name as rule_name, r.trigger, silent.whatsapp_number_id, silent.id as conversation_id, silent.contact_id,
        null as viewing_id, null as property_id,
        r.id || ':' || r.trigger || ':c' || silent.id || ':m' || silent.first_id as idempotency_key,
        silent.last_at + r.delay_minutes * 60000 as due_at, null as context
      from silent
      join rules r on ${ruleCovers('silent.whatsapp_number_id')}
      where silent.last_at + r.delay_minutes * 60000 >= @now - @lateness`,
    params: { ...rules.params, ...s.params },
  };
}

export const noResponseTriggers = ['no_response_24h', 'no_response_48h', 'no_response_72h'] as const satisfies readonly AutomationTrigger[];
