import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { createRuleInput, dryRunInput, listRulesInput, previewInput, statsInput, updateRuleInput } from '../../../shared/automation/schemas';
import type { AutomationDryRun, AutomationRuleList, AutomationRuleView, AutomationStats, TemplatePreview } from '../../../shared/automation/types';
import { errorReasons } from '../../../shared/errors';
import type { Clock } from '../../base/clock';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import type { EventBus } from '../../events/event-bus';
import { AppError } from '../../rpc/app-error';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import { noNumberAccess, type NumberAccess } from '../inbox/number-access';
import type { RuleHooks } from './rule-hooks';
import { RuleChecks } from './rules/rule-checks';
import { RulePreview } from './rules/rule-preview';
import { fieldsOf, ruleSelect, RuleStatements, toRuleView, toSnapshot, type RuleFields, type RuleRow } from './rules/rule-rows';
import { RuleStats } from './rules/rule-stats';

/** How many subjects a dry run lists by name. */
const dryRunSample = 20;

/**
 * Seed 003 §5's rules: admins edit them, supervisors read them, agents see the every-number rules
 * and their own numbers' (another number's rule is NOT_FOUND to them). Every save, toggle and
 * delete is one transaction that writes the rule, records it in the activity log and tells the
 * triggers (RuleHooks), so a rule and its jobs never disagree; then everyone signed in hears
 * `automation.rules.changed`. Refusals name their field and write nothing (rules/rule-checks.ts).
 */
export class AutomationRules {
  private readonly q: RuleStatements;
  private readonly checks: RuleChecks;
  private readonly statsReader: RuleStats;
  private readonly previewer: RulePreview;
  private readonly listStatements = new Map<string, Database.Statement<[Record<string, unknown>], RuleRow>>();

  constructor(
    readonly deps: {
      sqlite: Database.Database;
      access: NumberAccess;
      activity: ActivityLog;
      bus: EventBus;
      clock: Clock;
      hooks: RuleHooks;
      /** The office's own template values (office phone), for the preview. */
      officeValues: () => Record<string, string>;
    },
  ) {
    this.q = new RuleStatements(deps.sqlite);
    this.checks = new RuleChecks(deps.sqlite);
    this.statsReader = new RuleStats(deps.sqlite);
    this.previewer = new RulePreview(deps.sqlite, deps.officeValues);
  }

  /** Seed 003's filters: `numberId` (null: the every-number rules only), `isActive`, `trigger`; meta counts what is listed. */
  list(caller: Caller, input: z.output<typeof listRulesInput>): AutomationRuleList {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (input.numberId === null) where.push('r.whatsapp_number_id is null');
    else if (input.numberId !== undefined) {
      this.deps.access.requireNumber(caller, input.numberId);
      where.push('r.whatsapp_number_id = @numberId');
      params.numberId = input.numberId;
    } else {
      const allowed = this.deps.access.allowedNumbers(caller);
      if (allowed !== null) {
        where.push('(r.whatsapp_number_id is null or r.whatsapp_number_id in (select value from json_each(@allowed)))');
        params.allowed = JSON.stringify(allowed);
      }
    }
    if (input.isActive !== undefined) (where.push('r.is_active = @active'), (params.active = input.isActive ? 1 : 0));
    if (input.trigger !== undefined) (where.push('r.trigger = @trigger'), (params.trigger = input.trigger));
    const sql = ruleSelect(where.length > 0 ? where.join(' and ') : '1');
    let statement = this.listStatements.get(sql);
    if (!statement) this.listStatements.set(sql, (statement = this.deps.sqlite.prepare(sql)));
    const data = statement.all(params).map(toRuleView);
    const activeCount = data.filter((r) => r.isActive).length;
    return { data, meta: { total: data.length, activeCount, inactiveCount: data.length - activeCount } };
  }

  get(caller: Caller, id: number): AutomationRuleView {
    return toRuleView(this.visibleRow(caller, id));
  }

  create(caller: Caller, input: z.output<typeof createRuleInput>): AutomationRuleView {
    const fields: RuleFields = {
      name: input.name,
      description: input.description ?? null,
      trigger: input.trigger,
      delayMinutes: input.delayMinutes,
      templateId: input.templateId,
      isActive: input.isActive,
      whatsappNumberId: input.whatsappNumberId,
      officeHoursOnly: input.officeHoursOnly,
    };
    this.requireNumberWrite(caller, fields.whatsappNumberId);
    this.checks.require(fields, { templateId: true, whatsappNumberId: true });
    const row = this.deps.sqlite.transaction(() => {
      const now = this.deps.clock.now();
      const id = Number(
        this.q.insert.run(fields.name, fields.description, fields.trigger, fields.delayMinutes, fields.templateId, fields.isActive ? 1 : 0, fields.whatsappNumberId, fields.officeHoursOnly ? 1 : 0, caller.user.id, now, now).lastInsertRowid,
      );
      const saved = this.q.byId.get(id)!;
      this.record(caller, 'automation_rule.created', saved, { trigger: saved.trigger });
      this.deps.hooks.saved(toSnapshot(saved), null);
      return this.q.byId.get(id)!;
    })();
    this.published(row, false);
    return toRuleView(row);
  }

  update(caller: Caller, input: z.output<typeof updateRuleInput>): AutomationRuleView {
    const before = this.visibleRow(caller, input.id);
    const previous = fieldsOf(toRuleView(before));
    this.requireNumberWrite(caller, previous.whatsappNumberId);
    const next: RuleFields = {
      name: input.name ?? previous.name,
      description: input.description === undefined ? previous.description : input.description,
      trigger: input.trigger ?? previous.trigger,
      delayMinutes: input.delayMinutes ?? previous.delayMinutes,
      templateId: input.templateId ?? previous.templateId,
      isActive: input.isActive ?? previous.isActive,
      whatsappNumberId: input.whatsappNumberId === undefined ? previous.whatsappNumberId : input.whatsappNumberId,
      officeHoursOnly: input.officeHoursOnly ?? previous.officeHoursOnly,
    };
    const changed = (Object.keys(next) as (keyof RuleFields)[]).filter((k) => next[k] !== previous[k]);
    if (changed.length === 0) return toRuleView(before);
    if (next.whatsappNumberId !== previous.whatsappNumberId) this.requireNumberWrite(caller, next.whatsappNumberId);
    this.checks.require(next, { templateId: changed.includes('templateId'), whatsappNumberId: changed.includes('whatsappNumberId') });
    return this.save(caller, before, next, 'automation_rule.updated', { fields: changed });
  }

  /** Seed 003's PATCH …/toggle: on becomes off and off on; switching on checks the rule as a save does. */
  toggle(caller: Caller, id: number): AutomationRuleView {
    const before = this.visibleRow(caller, id);
    const previous = fieldsOf(toRuleView(before));
    this.requireNumberWrite(caller, previous.whatsappNumberId);
    const next = { ...previous, isActive: !previous.isActive };
    if (next.isActive) this.checks.require(next, { templateId: false, whatsappNumberId: false });
    return this.save(caller, before, next, next.isActive ? 'automation_rule.enabled' : 'automation_rule.disabled', {});
  }

  /** Its pending jobs are cancelled by the triggers (`rule_deleted`) in the same transaction; ended ones stay listed. */
  delete(caller: Caller, id: number): { id: number } {
    const before = this.visibleRow(caller, id);
    this.requireNumberWrite(caller, before.whatsapp_number_id);
    this.deps.sqlite.transaction(() => {
      this.deps.hooks.deleted(toSnapshot(before));
      this.q.remove.run(id);
      this.record(caller, 'automation_rule.deleted', before, { trigger: before.trigger });
    })();
    this.published(before, true);
    return { id };
  }

  /** What enabling a rule like this would arm now (the triggers answer); writes nothing. */
  dryRun(caller: Caller, input: z.output<typeof dryRunInput>): AutomationDryRun {
    this.requireNumberWrite(caller, input.whatsappNumberId);
    return this.deps.hooks.dryRun(input, dryRunSample);
  }

  preview(caller: Caller, input: z.output<typeof previewInput>): TemplatePreview {
    const template = this.q.template.get(input.templateId);
    if (!template) throw new AppError('VALIDATION_ERROR', [{ field: 'templateId', code: 'template_missing', message: `Template with ID '${input.templateId}' not found` }]);
    if (input.whatsappNumberId !== null) this.deps.access.requireNumber(caller, input.whatsappNumberId);
    if (input.conversationId !== undefined) this.deps.access.requireConversation(caller, input.conversationId);
    const numbers = input.whatsappNumberId !== null ? [input.whatsappNumberId] : this.deps.access.allowedNumbers(caller);
    return this.previewer.preview({ content: template.content, variables: JSON.parse(template.variables) as string[] }, input.trigger, numbers, input.conversationId);
  }

  stats(caller: Caller, input: z.output<typeof statsInput>): AutomationStats {
    if (input.numberId !== undefined) this.deps.access.requireNumber(caller, input.numberId);
    const numbers = input.numberId !== undefined ? [input.numberId] : this.deps.access.allowedNumbers(caller);
    return this.statsReader.stats({ period: input.period, numbers, now: this.deps.clock.now(), calendar: officeCalendarOf(this.deps.sqlite) });
  }

  private save(caller: Caller, before: RuleRow, next: RuleFields, action: string, details: Record<string, unknown>): AutomationRuleView {
    const row = this.deps.sqlite.transaction(() => {
      this.q.update.run(
        next.name, next.description, next.trigger, next.delayMinutes, next.templateId, next.isActive ? 1 : 0, next.whatsappNumberId, next.officeHoursOnly ? 1 : 0, this.deps.clock.now(), before.id,
      );
      const saved = this.q.byId.get(before.id)!;
      this.record(caller, action, saved, details);
      this.deps.hooks.saved(toSnapshot(saved), toSnapshot(before));
      // Read again: the triggers may have armed or cancelled jobs (pendingJobs).
      return this.q.byId.get(before.id)!;
    })();
    this.published(row, false);
    return toRuleView(row);
  }

  /** The rule, if the caller may see it: every-number rules and their numbers' (another's is not said to exist). */
  private visibleRow(caller: Caller, id: number): RuleRow {
    const row = this.q.byId.get(id);
    if (!row) throw new AppError('NOT_FOUND', undefined, undefined, `Automation rule with ID '${id}' not found`);
    const allowed = this.deps.access.allowedNumbers(caller);
    if (row.whatsapp_number_id !== null && allowed !== null && !allowed.includes(row.whatsapp_number_id)) {
      throw new AppError('NOT_FOUND', undefined, undefined, `Automation rule with ID '${id}' not found`);
    }
    return row;
  }

  /** A rule on a number needs that number; an every-number rule needs every number (an API key limited to some may not). */
  private requireNumberWrite(caller: Caller, numberId: number | null): void {
    if (numberId !== null) this.deps.access.requireNumber(caller, numberId);
    else if (this.deps.access.allowedNumbers(caller) !== null) throw new AppError('FORBIDDEN', errorReasons.numberNotAllowed, undefined, noNumberAccess);
  }

  private record(caller: Caller, action: string, rule: RuleRow, details: Record<string, unknown>): void {
    this.deps.activity.record({ userId: caller.user.id, action, entityType: 'automation_rule', entityId: rule.id, details: { name: rule.name, ...details } });
  }

  private published(rule: RuleRow, deleted: boolean): void {
    // Everyone signed in: the list is filtered by number on the reader's side, and a rule holds no customer.
    this.deps.bus.publish('automation.rules.changed', { ruleId: rule.id, whatsappNumberId: rule.whatsapp_number_id, deleted }, { kind: 'all' });
  }
}
