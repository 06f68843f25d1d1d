import { latenessLimitMs, type AutomationTrigger } from '../../../../shared/automation/types';

/** A rule as arming needs it: saved, or only a form's values (dry run). */
export interface RuleLike {
  id: number;
  name: string;
  delayMinutes: number;
  whatsappNumberId: number | null;
}

/** Which rules a candidate query arms for: every active rule of the trigger (an event), or one rule (saved, dry run). */
export type RuleSource = { kind: 'active' } | { kind: 'rule'; rule: RuleLike };

/**
 * The `rules` CTE every candidate query starts with: (id, name, delay_minutes,
 * whatsapp_number_id, since). `since` is when the rule began listening: a past event (a viewing
 * marked done) arms only if it came after it — an enabled rule arms what is true now, not history.
 */
export function rulesCte(trigger: AutomationTrigger, source: RuleSource, now: number): { sql: string; params: Record<string, unknown> } {
  const base = { trigger, now, lateness: latenessLimitMs[trigger] };
  if (source.kind === 'active') {
    return {
      sql: `rules as (select id, name, delay_minutes, whatsapp_number_id, created_at as since from automation_rules where is_active = 1 and trigger = @trigger)`,
      params: base,
    };
  }
  const { rule } = source;
  // Bound numbers arrive as reals: cast, or a key would read "7.0:new_inquiry:…".
  return {
    sql: `rules as (select cast(@ruleId as integer) as id, @ruleName as name, cast(@ruleDelay as integer) as delay_minutes, cast(@ruleNumber as integer) as whatsapp_number_id, cast(@now as integer) as since)`,
    params: { ...base, ruleId: rule.id, ruleName: rule.name, ruleDelay: rule.delayMinutes, ruleNumber: rule.whatsappNumberId },
  };
}

/** The rule covers the number in `column` (a rule for every number covers them all). */
export const ruleCovers = (column: string) => `(r.whatsapp_number_id is null or r.whatsapp_number_id = ${column})`;
