import type Database from 'better-sqlite3';
import { noResponseWindowMinutes, triggerVariables } from '../../../../shared/automation/types';
import type { FieldError } from '../../../../shared/errors';
import { AppError } from '../../../rpc/app-error';
import type { RuleFields } from './rule-rows';

interface TemplateRow {
  variables: string;
  is_active: number;
}

/** What a save changes, so a rule already saved is not refused for what the admin did not touch. */
export interface ChangedFields {
  templateId: boolean;
  whatsappNumberId: boolean;
}

/**
 * The issue's refusals for a rule as it would be saved: each names its field, and all of them
 * are given at once. Nothing has been written when this throws.
 *
 * - a negative delay is "before the event", which only a viewing reminder has;
 * - a no-response tier cannot fire before its own window (rule-002's 1440 fires at 24 h);
 * - the template must exist, and be active while the rule is (or when it is being chosen);
 * - every variable of the template must be one the trigger can fill (`triggerVariables`);
 * - the number must exist and not be removed, while the rule is active or when it is chosen.
 */
export class RuleChecks {
  private readonly q;

  constructor(sqlite: Database.Database) {
    this.q = {
      template: sqlite.prepare<[number], TemplateRow>('select variables, is_active from message_templates where id = ?'),
      number: sqlite.prepare<[number], { removed_at: number | null }>('select removed_at from whatsapp_numbers where id = ?'),
    };
  }

  require(rule: RuleFields, changed: ChangedFields): void {
    const problems = [...this.delayProblems(rule), ...this.templateProblems(rule, changed), ...this.numberProblems(rule, changed)];
    if (problems.length > 0) throw new AppError('VALIDATION_ERROR', problems);
  }

  private delayProblems(rule: RuleFields): FieldError[] {
    if (rule.delayMinutes < 0 && rule.trigger !== 'appointment_reminder') {
      return [{ field: 'delayMinutes', code: 'negative_delay', message: 'Only an appointment reminder may run before its event', params: { min: 0 } }];
    }
    const window = noResponseWindowMinutes[rule.trigger];
    if (window !== undefined && rule.delayMinutes < window) {
      return [{ field: 'delayMinutes', code: 'shorter_than_window', message: `A ${rule.trigger} rule waits at least ${window} minutes`, params: { min: window } }];
    }
    return [];
  }

  private templateProblems(rule: RuleFields, changed: ChangedFields): FieldError[] {
    const template = this.q.template.get(rule.templateId);
    if (!template) return [{ field: 'templateId', code: 'template_missing', message: `Template with ID '${rule.templateId}' not found` }];
    const problems: FieldError[] = [];
    if (template.is_active !== 1 && (rule.isActive || changed.templateId)) {
      problems.push({ field: 'templateId', code: 'template_inactive', message: 'The template is switched off' });
    }
    const fillable = new Set(triggerVariables[rule.trigger]);
    for (const name of JSON.parse(template.variables) as string[]) {
      if (!fillable.has(name)) {
        problems.push({ field: 'templateId', code: 'variable_not_fillable', message: `The ${rule.trigger} trigger cannot fill '{{${name}}}'`, params: { name, trigger: rule.trigger } });
      }
    }
    return problems;
  }

  private numberProblems(rule: RuleFields, changed: ChangedFields): FieldError[] {
    if (rule.whatsappNumberId === null || !(rule.isActive || changed.whatsappNumberId)) return [];
    const number = this.q.number.get(rule.whatsappNumberId);
    if (!number) return [{ field: 'whatsappNumberId', code: 'number_missing', message: `WhatsApp number with ID '${rule.whatsappNumberId}' not found` }];
    if (number.removed_at !== null) return [{ field: 'whatsappNumberId', code: 'number_removed', message: 'The WhatsApp number was removed' }];
    return [];
  }
}
