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
export function rulesCte(trigger: AutomationTrigger | readonly AutomationTrigger[], source: RuleSource, now: number): { sql: string; params: Record<string, unknown> } {
  const triggers = typeof trigger === 'string' ? [trigger] : trigger;
  // The tiers of one kind share a lateness limit (no response: 24 h each).
  const base = { trigger: triggers[0]!, now, lateness: Math.max(...triggers.map((t) => latenessLimitMs[t])) };
  if (source.kind === 'active') {
    const list = triggers.map((t) => `'${t}'`).join(', ');
    return {
      sql: `rules as (select id, name, trigger, delay_minutes, whatsapp_number_id, created_at as since from automation_rules where is_active = 1 and trigger in (${list}))`,
      params: base,
    };
  }
  const { rule } = source;
  // Bound numbers arrive as reals: cast, or a key would read "7.0:new_inquiry:…".
  return {
    sql: `rules as (select cast(@ruleId as integer) as id, @ruleName as name, @trigger as trigger, cast(@ruleDelay as integer) as delay_minutes, cast(@ruleNumber as integer) as whatsapp_number_id, cast(@now as integer) as since)`,
    params: { ...base, ruleId: rule.id, ruleName: rule.name, ruleDelay: rule.delayMinutes, ruleNumber: rule.whatsappNumberId },
  };
}

/** The rule covers the number in `column` (a rule for every number covers them all). */
export const ruleCovers = (column: string) => `(r.whatsapp_number_id is null or r.whatsapp_number_id = ${column})`;
