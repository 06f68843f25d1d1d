import type { AutomationDryRun, AutomationTrigger } from '../../../shared/automation/types';

/** A rule as the engine reads it (the service's row, camel-cased). */
export interface RuleSnapshot {
  id: number;
  name: string;
  trigger: AutomationTrigger;
  delayMinutes: number;
  templateId: number;
  isActive: boolean;
  whatsappNumberId: number | null;
  officeHoursOnly: boolean;
}

/**
 * What the rules service tells the triggers (automation-triggers.ts) inside the transaction that
 * saved the rule, so a rule and its jobs never disagree: switched on → arm for what is true now
 * (new episodes only, e.g. the conversations silent past the window); delay changed → re-time
 * pending jobs; switched off / deleted → cancel them (`rule_off` / `rule_deleted`).
 */
export interface RuleHooks {
  saved(rule: RuleSnapshot, previous: RuleSnapshot | null): void;
  deleted(rule: RuleSnapshot): void;
  /** What enabling a rule like this would arm now, without writing anything. */
  dryRun(rule: Pick<RuleSnapshot, 'trigger' | 'delayMinutes' | 'whatsappNumberId'>, sampleSize: number): AutomationDryRun;
}
