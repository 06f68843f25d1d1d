import type Database from 'better-sqlite3';
import type { WakingClock } from '../../base/clock';
import type { Logger } from '../../base/logger';
import { officeCalendarOf } from '../../calendar/office-calendar-setting';
import type { EventBus } from '../../events/event-bus';
import type { Outbox } from '../../outbox/outbox';
import type { MessagePipeline } from '../../whatsapp/message-pipeline';
import type { ActivityLog } from '../activity/activity-log';
import type { NumberAccess } from '../inbox/number-access';
import { AutomationJobs } from './automation-jobs';
import { AutomationRules } from './automation-rules';
import { AutomationRunner } from './automation-runner';
import { AutomationTriggers } from './automation-triggers';
import { JobStore } from './job-store';
import { JobRollup } from './rollup/job-rollup';

export interface AutomationDeps {
  sqlite: Database.Database;
  clock: WakingClock;
  logger: Logger;
  bus: EventBus;
  access: NumberAccess;
  activity: ActivityLog;
  outbox: Outbox;
  pipeline: MessagePipeline;
  officeValues: () => Record<string, string>;
}

/**
 * Issue 15's automation as one slice the core starts and stops (with the outbox, and around a
 * restore): the job store, the triggers that arm jobs, the runner that sends them, and the two
 * services behind the channels.
 */
export function startAutomation(deps: AutomationDeps) {
  const calendar = () => officeCalendarOf(deps.sqlite);
  const store = new JobStore(deps.sqlite, deps.clock);
  const triggers = new AutomationTriggers({ sqlite: deps.sqlite, bus: deps.bus, clock: deps.clock, logger: deps.logger, store, calendar, access: deps.access });
  const runner = new AutomationRunner({ ...deps, store, calendar });
  const rules = new AutomationRules({ sqlite: deps.sqlite, access: deps.access, activity: deps.activity, bus: deps.bus, clock: deps.clock, hooks: triggers, officeValues: deps.officeValues });
  const jobs = new AutomationJobs({ sqlite: deps.sqlite, access: deps.access, activity: deps.activity, bus: deps.bus, clock: deps.clock, store, triggers });
  // The stats' per-day totals: counted from the jobs at the first start after migration 0033, or after the office moved zone.
  new JobRollup(deps.sqlite).ensure(calendar().timeZone);
  const stops = [triggers.start(), runner.start()];
  return {
    rules,
    jobs,
    store,
    triggers,
    runner,
    stop(): void {
      for (const stop of stops.splice(0)) stop();
    },
  };
}

export type Automation = ReturnType<typeof startAutomation>;
