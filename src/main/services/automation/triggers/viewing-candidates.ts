import type { JobCandidates } from '../job-store';
import { ruleCovers, rulesCte, type RuleSource } from './rule-source';

export type ViewingScope = { kind: 'all' } | { kind: 'viewing'; viewingId: number };

function scoped(scope: ViewingScope): { where: string; params: Record<string, unknown> } {
  return scope.kind === 'all' ? { where: '1', params: {} } : { where: 'v.id = @viewingId', params: { viewingId: scope.viewingId } };
}

const reachable = `
  join whatsapp_numbers n on n.id = v.whatsapp_number_id and n.removed_at is null
  join contacts ct on ct.id = v.contact_id and ct.automation_opted_out_at is null`;

/** The key of a viewing's reminder: its start is part of it, so a rescheduled viewing gets a new job. */
export const reminderKeyEnd = (startAt: number) => `:${startAt}`;

/**
 * `appointment_reminder`: upcoming (tentative or confirmed) viewings, due start + delay (−1440 =
 * a day before). A viewing booked inside the window is due now; never after its start.
 */
export function reminderCandidates(source: RuleSource, scope: ViewingScope, now: number): JobCandidates {
  const rules = rulesCte('appointment_reminder', source, now);
  const s = scoped(scope);
  return {
    sql: `with ${rules.sql}
      select r.id as rule_id, r.name as rule_name, 'appointment_reminder' as trigger, v.whatsapp_number_id, v.conversation_id, v.contact_id,
        v.id as viewing_id, v.property_id,
        r.id || ':appointment_reminder:v' || v.id || ':' || v.start_at as idempotency_key,
        min(max(v.start_at + r.delay_minutes * 60000, @now), v.start_at) as due_at, null as context
      from viewings v ${reachable}
      join rules r on ${ruleCovers('v.whatsapp_number_id')}
      where ${s.where} and v.status in ('tentative', 'confirmed') and v.start_at > @now`,
    params: { ...rules.params, ...s.params },
  };
}

/**
 * `follow_up` after a viewing marked done (rule-004): the time it was marked done + delay, with
 * the viewing on the job. Only viewings done after the rule began listening, within the lateness limit.
 */
export function viewingDoneCandidates(source: RuleSource, scope: ViewingScope, now: number): JobCandidates {
  const rules = rulesCte('follow_up', source, now);
  const s = scoped(scope);
  return {
    sql: `with ${rules.sql}
      select r.id as rule_id, r.name as rule_name, 'follow_up' as trigger, v.whatsapp_number_id, v.conversation_id, v.contact_id,
        v.id as viewing_id, v.property_id,
        r.id || ':follow_up:v' || v.id || ':done' as idempotency_key,
        v.updated_at + r.delay_minutes * 60000 as due_at, null as context
      from viewings v ${reachable}
      join rules r on ${ruleCovers('v.whatsapp_number_id')}
      where ${s.where} and v.status = 'done' and v.updated_at >= r.since
        and v.updated_at + r.delay_minutes * 60000 >= @now - @lateness`,
    params: { ...rules.params, ...s.params },
  };
}
