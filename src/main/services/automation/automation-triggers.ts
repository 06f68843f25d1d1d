import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { followUpInput } from '../../../shared/automation/schemas';
import type { AutomationDryRun, AutomationJobView } from '../../../shared/automation/types';
import type { Caller } from '../auth/auth-service';
import type { Clock } from '../../base/clock';
import type { Logger } from '../../base/logger';
import type { EventBus } from '../../events/event-bus';
import type { OfficeCalendar } from '../../calendar/office-calendar';
import type { JobStore } from './job-store';
import type { RuleHooks, RuleSnapshot } from './rule-hooks';

/**
 * Arms, re-times and cancels jobs from what happens in the office (issue 15 "Triggers"):
 * messages, resolves and archives, follow-ups, viewings, properties and prices.
 * (Issue 15: the triggers engineer fills this in.)
 */
export class AutomationTriggers implements RuleHooks {
  constructor(
    readonly deps: { sqlite: Database.Database; bus: EventBus; clock: Clock; logger: Logger; store: JobStore; calendar: () => OfficeCalendar },
  ) {}

  /** Starts listening; returns the stop. */
  start(): () => void {
    return () => {};
  }

  /** An agent's "follow up in …" on a conversation: arms its follow-up rules for then. */
  followUp(_caller: Caller, _input: z.output<typeof followUpInput>): AutomationJobView[] {
    return [];
  }

  saved(_rule: RuleSnapshot, _previous: RuleSnapshot | null): void {}
  deleted(_rule: RuleSnapshot): void {}
  dryRun(_rule: Pick<RuleSnapshot, 'trigger' | 'delayMinutes' | 'whatsappNumberId'>, _sampleSize: number): AutomationDryRun {
    return { count: 0, sample: [] };
  }
}
