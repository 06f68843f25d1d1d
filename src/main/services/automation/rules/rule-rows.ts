import type Database from 'better-sqlite3';
import { automationTriggers, latenessLimitMs, type AutomationRuleView, type AutomationTrigger, type RuleTemplate } from '../../../../shared/automation/types';
import { familyTriggers } from '../armings/arming-store';
import { toIso } from '../../../base/clock';
import type { RuleSnapshot } from '../rule-hooks';
import { pendingDueFloorSql } from '../jobs/pending-floor';

/** `automation_rules` joined with its template and its pending jobs, as one read gives it. */
export interface RuleRow {
  id: number;
  name: string;
  description: string | null;
  trigger: AutomationTrigger;
  delay_minutes: number;
  template_id: number;
  is_active: number;
  whatsapp_number_id: number | null;
  office_hours_only: number;
  triggered_count: number;
  success_count: number;
  last_triggered: number | null;
  created_at: number;
  updated_at: number;
  t_name: string | null;
  t_content: string | null;
  t_variables: string | null;
  t_active: number | null;
  pending_jobs: number;
}

/** The arming family of a message-driven rule's trigger, in SQL (armings/arming-store.ts familyOf). */
const familySql = `case when r.trigger = 'new_inquiry' then 'new_inquiry' when r.trigger in (${familyTriggers.no_response.map((t) => `'${t}'`).join(', ')}) then 'no_response' end`;
const latenessSql = `case r.trigger ${automationTriggers.map((t) => `when '${t}' then ${latenessLimitMs[t]}`).join(' ')} end`;

/**
 * The select every read shares; `where` filters `r`. Pending jobs are the written ones (off
 * automation_jobs_rule) and, for an active message-driven rule, the ones still waiting in open
 * armings: one per arming it covers, as ArmingStore.jobsOf would write it (not past its lateness
 * when armed), unless that key is already a row (counted above, or ended).
 */
export function ruleSelect(where: string): string {
  return `select r.*, t.name as t_name, t.content as t_content, t.variables as t_variables, t.is_active as t_active,
      (select count(*) from automation_jobs j where j.rule_id = r.id and j.status = 'pending' and j.due_at >= ${pendingDueFloorSql})
      + (case when r.is_active = 1 and ${familySql} is not null then
          (select count(*) from automation_armings a
           where a.next_due_at is not null and a.ended_reason is null and a.family = ${familySql}
             and (r.whatsapp_number_id is null or a.whatsapp_number_id = r.whatsapp_number_id)
             and a.anchor_at + r.delay_minutes * 60000 >= a.created_at - ${latenessSql}
             and not exists (select 1 from automation_jobs j where j.idempotency_key = r.id || ':' || r.trigger || ':c' || a.conversation_id || ':m' || a.episode))
        else 0 end) as pending_jobs
    from automation_rules r left join message_templates t on t.id = r.template_id
    where ${where} order by r.id`;
}

export function toRuleView(row: RuleRow): AutomationRuleView {
  const template: RuleTemplate | null =
    row.t_name === null
      ? null
      : { id: row.template_id, name: row.t_name, content: row.t_content ?? '', variables: JSON.parse(row.t_variables ?? '[]') as string[], isActive: row.t_active === 1 };
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    trigger: row.trigger,
    delayMinutes: row.delay_minutes,
    templateId: row.template_id,
    template,
    isActive: row.is_active === 1,
    whatsappNumberId: row.whatsapp_number_id,
    officeHoursOnly: row.office_hours_only === 1,
    triggeredCount: row.triggered_count,
    successCount: row.success_count,
    lastTriggered: toIso(row.last_triggered),
    pendingJobs: row.pending_jobs,
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

/** What the triggers are told about a rule (rule-hooks.ts). */
export function toSnapshot(row: Pick<RuleRow, 'id' | 'name' | 'trigger' | 'delay_minutes' | 'template_id' | 'is_active' | 'whatsapp_number_id' | 'office_hours_only'>): RuleSnapshot {
  return {
    id: row.id,
    name: row.name,
    trigger: row.trigger,
    delayMinutes: row.delay_minutes,
    templateId: row.template_id,
    isActive: row.is_active === 1,
    whatsappNumberId: row.whatsapp_number_id,
    officeHoursOnly: row.office_hours_only === 1,
  };
}

/** The rule's own columns, as a save writes them. */
export interface RuleFields {
  name: string;
  description: string | null;
  trigger: AutomationTrigger;
  delayMinutes: number;
  templateId: number;
  isActive: boolean;
  whatsappNumberId: number | null;
  officeHoursOnly: boolean;
}

export function fieldsOf(view: AutomationRuleView): RuleFields {
  return {
    name: view.name,
    description: view.description,
    trigger: view.trigger,
    delayMinutes: view.delayMinutes,
    templateId: view.templateId,
    isActive: view.isActive,
    whatsappNumberId: view.whatsappNumberId,
    officeHoursOnly: view.officeHoursOnly,
  };
}

/** The prepared statements the service reads and writes a rule with. */
export class RuleStatements {
  readonly byId: Database.Statement<[number], RuleRow>;
  readonly insert: Database.Statement<[string, string | null, string, number, number, number, number | null, number, number | null, number, number]>;
  readonly update: Database.Statement<[string, string | null, string, number, number, number, number | null, number, number, number]>;
  readonly remove: Database.Statement<[number]>;
  readonly template: Database.Statement<[number], { content: string; variables: string }>;

  constructor(sqlite: Database.Database) {
    this.byId = sqlite.prepare(ruleSelect('r.id = ?'));
    this.insert = sqlite.prepare(
      `insert into automation_rules (name, description, trigger, delay_minutes, template_id, is_active, whatsapp_number_id, office_hours_only, created_by, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.update = sqlite.prepare(
      `update automation_rules set name = ?, description = ?, trigger = ?, delay_minutes = ?, template_id = ?, is_active = ?, whatsapp_number_id = ?, office_hours_only = ?, updated_at = ?
       where id = ?`,
    );
    this.remove = sqlite.prepare('delete from automation_rules where id = ?');
    this.template = sqlite.prepare('select content, variables from message_templates where id = ?');
  }
}
