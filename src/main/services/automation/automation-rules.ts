import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { createRuleInput, dryRunInput, listRulesInput, previewInput, statsInput, updateRuleInput } from '../../../shared/automation/schemas';
import type { AutomationDryRun, AutomationRuleList, AutomationRuleView, AutomationStats, TemplatePreview } from '../../../shared/automation/types';
import type { Clock } from '../../base/clock';
import type { EventBus } from '../../events/event-bus';
import { AppError } from '../../rpc/app-error';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import type { NumberAccess } from '../inbox/number-access';
import type { RuleHooks } from './rule-hooks';

const notYet = (): never => {
  throw new AppError('INTERNAL_ERROR');
};

/** Seed 003 §5's rules: CRUD with the issue's checks, stats, preview and dry run. (Issue 15: the rules engineer fills this in.) */
export class AutomationRules {
  constructor(
    readonly deps: { sqlite: Database.Database; access: NumberAccess; activity: ActivityLog; bus: EventBus; clock: Clock; hooks: RuleHooks },
  ) {}

  list(_caller: Caller, _input: z.output<typeof listRulesInput>): AutomationRuleList {
    return notYet();
  }
  get(_caller: Caller, _id: number): AutomationRuleView {
    return notYet();
  }
  create(_caller: Caller, _input: z.output<typeof createRuleInput>): AutomationRuleView {
    return notYet();
  }
  update(_caller: Caller, _input: z.output<typeof updateRuleInput>): AutomationRuleView {
    return notYet();
  }
  toggle(_caller: Caller, _id: number): AutomationRuleView {
    return notYet();
  }
  delete(_caller: Caller, _id: number): { id: number } {
    return notYet();
  }
  dryRun(_caller: Caller, _input: z.output<typeof dryRunInput>): AutomationDryRun {
    return notYet();
  }
  preview(_caller: Caller, _input: z.output<typeof previewInput>): TemplatePreview {
    return notYet();
  }
  stats(_caller: Caller, _input: z.output<typeof statsInput>): AutomationStats {
    return notYet();
  }
}
