import type { JobCandidates } from '../job-store';
import { ruleCovers, rulesCte, type RuleSource } from './rule-source';

/** A contact with at least one property preference (the partial index `contacts_property_preferences` holds exactly these). */
export const hasPreferences = `(ct.pref_budget_min is not null or ct.pref_budget_max is not null or ct.pref_city is not null
  or ct.pref_districts is not null or ct.pref_property_types is not null or ct.pref_bedrooms is not null)`;

/** Every preference the contact set is met by the property `p` (a budget needs a price; bedrooms are a minimum). */
const matches = `
  (ct.pref_budget_min is null or (p.price is not null and p.price >= ct.pref_budget_min))
  and (ct.pref_budget_max is null or (p.price is not null and p.price <= ct.pref_budget_max))
  and (ct.pref_city is null or (p.city is not null and lower(trim(p.city)) = lower(trim(ct.pref_city))))
  and (ct.pref_districts is null or exists (select 1 from json_each(ct.pref_districts) d where lower(trim(d.value)) = lower(trim(p.district))))
  and (ct.pref_property_types is null or exists (select 1 from json_each(ct.pref_property_types) t where t.value = p.type))
  and (ct.pref_bedrooms is null or (p.bedrooms is not null and p.bedrooms >= ct.pref_bedrooms))`;

/** The contact's newest conversation on a number the rule covers (and still in the office). */
const newestConversation = `(select c.id from conversations c join whatsapp_numbers n on n.id = c.whatsapp_number_id and n.removed_at is null
  where c.contact_id = ct.id and ${ruleCovers('c.whatsapp_number_id')} order by c.last_message_time desc, c.id desc limit 1)`;

/**
 * `property_match`: an available property against every contact's preferences; one job per
 * rule, property and contact, for the contact's newest conversation on the rule's number(s),
 * due when the property became available + the delay.
 */
export function propertyMatchCandidates(source: RuleSource, propertyId: number, at: number, now: number): JobCandidates {
  const rules = rulesCte('property_match', source, now);
  return {
    sql: `with ${rules.sql},
      hits as (
        select r.id as rule_id, r.name as rule_name, r.delay_minutes, ct.id as contact_id, p.id as property_id, ${newestConversation} as conversation_id
        from properties p
        join contacts ct on ${hasPreferences} and ct.automation_opted_out_at is null
        join rules r
        where p.id = @propertyId and p.status = 'available' and ${matches}
      )
      select h.rule_id, h.rule_name, 'property_match' as trigger, c.whatsapp_number_id, h.conversation_id, h.contact_id, null as viewing_id, h.property_id,
        h.rule_id || ':property_match:p' || h.property_id || ':ct' || h.contact_id as idempotency_key,
        @at + h.delay_minutes * 60000 as due_at, null as context
      from hits h join conversations c on c.id = h.conversation_id
      where @at + h.delay_minutes * 60000 >= @now - @lateness`,
    params: { ...rules.params, propertyId, at },
  };
}
