import type Database from 'better-sqlite3';
import type { AutomationTrigger, TemplatePreview } from '../../../../shared/automation/types';
import { fillTemplate } from '../../../../shared/templates/template-text';
import { JobVariables, templateLanguage, variableSettingsOf, type JobSubject } from '../runner/job-variables';

/** Triggers whose jobs are about a viewing, and those about a property: the preview picks a real one. */
const viewingTriggers: ReadonlySet<AutomationTrigger> = new Set(['appointment_reminder', 'follow_up']);
const propertyTriggers: ReadonlySet<AutomationTrigger> = new Set(['property_match', 'price_change']);

interface Picked {
  conversationId: number;
  contactId: number;
  viewingId: number | null;
  propertyId: number | null;
}

/**
 * The rule form's preview: the template filled exactly as the engine fills it when the job is
 * sent (runner/job-variables.ts), with a real conversation's values — the one the admin chose,
 * else the newest one the rule could touch (on its number, or on any the admin may see). For a
 * reminder or follow-up it takes that conversation's latest viewing, for a property trigger its
 * latest property interest, so those variables are filled as a real job's would be.
 */
export class RulePreview {
  private readonly variables: JobVariables;
  private readonly q;

  constructor(
    private readonly sqlite: Database.Database,
    private readonly officeValues: () => Record<string, string>,
  ) {
    this.variables = new JobVariables(sqlite);
    this.q = {
      conversation: sqlite.prepare<[number], { id: number; contact_id: number }>('select id, contact_id from conversations where id = ?'),
      newest: sqlite.prepare<[{ scope: string | null }], { id: number; contact_id: number }>(
        `select id, contact_id from conversations
         where @scope is null or whatsapp_number_id in (select value from json_each(@scope))
         order by last_message_time desc, id desc limit 1`,
      ),
      newestWithViewing: sqlite.prepare<[{ scope: string | null }], { id: number }>(
        `select v.conversation_id as id from viewings v join conversations c on c.id = v.conversation_id
         where @scope is null or c.whatsapp_number_id in (select value from json_each(@scope))
         order by v.id desc limit 1`,
      ),
      newestWithInterest: sqlite.prepare<[{ scope: string | null }], { id: number }>(
        `select i.conversation_id as id from conversation_property_interests i join conversations c on c.id = i.conversation_id
         where i.status <> 'not_interested' and (@scope is null or c.whatsapp_number_id in (select value from json_each(@scope)))
         order by i.updated_at desc, i.id desc limit 1`,
      ),
      viewing: sqlite.prepare<[number], { id: number; property_id: number }>(
        "select id, property_id from viewings where conversation_id = ? order by status = 'cancelled', start_at desc limit 1",
      ),
      interest: sqlite.prepare<[number], { property_id: number }>(
        "select property_id from conversation_property_interests where conversation_id = ? order by status = 'not_interested', updated_at desc, id desc limit 1",
      ),
    };
  }

  /**
   * `numbers`: where the sample may come from (the rule's number, or the caller's numbers; null
   * for all). `conversationId` was already checked to be one the caller may open.
   */
  preview(template: { content: string; variables: readonly string[] }, trigger: AutomationTrigger, numbers: readonly number[] | null, conversationId?: number): TemplatePreview {
    const picked = this.pick(trigger, numbers, conversationId);
    const settings = variableSettingsOf(this.sqlite, this.officeValues);
    // No conversation yet: only what the office itself gives can be filled.
    const subject: JobSubject = picked
      ? { trigger, conversationId: picked.conversationId, contactId: picked.contactId, viewingId: picked.viewingId, propertyId: picked.propertyId }
      : { trigger, conversationId: null, contactId: 0 };
    const { missing } = this.variables.fill(template, subject, settings);
    // The send refuses a job with anything missing; the preview shows those placeholders as written, and lists them.
    const values = this.variables.values(subject, templateLanguage(template.content), settings, template.content);
    return { text: fillTemplate(template.content, values), missing, conversationId: picked?.conversationId ?? null };
  }

  private pick(trigger: AutomationTrigger, numbers: readonly number[] | null, conversationId?: number): Picked | null {
    const scope = numbers === null ? null : JSON.stringify(numbers);
    let id = conversationId;
    if (id === undefined && viewingTriggers.has(trigger)) id = this.q.newestWithViewing.get({ scope })?.id;
    if (id === undefined && propertyTriggers.has(trigger)) id = this.q.newestWithInterest.get({ scope })?.id;
    const conversation = id === undefined ? this.q.newest.get({ scope }) : this.q.conversation.get(id);
    if (!conversation) return null;
    const viewing = viewingTriggers.has(trigger) ? this.q.viewing.get(conversation.id) : undefined;
    const propertyId = propertyTriggers.has(trigger) ? (this.q.interest.get(conversation.id)?.property_id ?? null) : null;
    return { conversationId: conversation.id, contactId: conversation.contact_id, viewingId: viewing?.id ?? null, propertyId };
  }
}
