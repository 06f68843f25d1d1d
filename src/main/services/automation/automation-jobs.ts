import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { ruleJobsInput } from '../../../shared/automation/schemas';
import type { AutomationJobPage, AutomationJobView, ContactAutomationState } from '../../../shared/automation/types';
import type { Clock } from '../../base/clock';
import type { EventBus } from '../../events/event-bus';
import { AppError } from '../../rpc/app-error';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import type { NumberAccess } from '../inbox/number-access';
import type { JobStore } from './job-store';
import type { AutomationTriggers } from './automation-triggers';

const notYet = (): never => {
  throw new AppError('INTERNAL_ERROR');
};

/** The jobs as people see them: a rule's and a conversation's, cancelling one, a contact's opt-out. (Issue 15: the engine engineer fills this in.) */
export class AutomationJobs {
  constructor(
    readonly deps: { sqlite: Database.Database; access: NumberAccess; activity: ActivityLog; bus: EventBus; clock: Clock; store: JobStore; triggers: AutomationTriggers },
  ) {}

  ruleJobs(_caller: Caller, _input: z.output<typeof ruleJobsInput>): AutomationJobPage {
    return notYet();
  }
  conversationJobs(_caller: Caller, _conversationId: number): AutomationJobView[] {
    return notYet();
  }
  cancel(_caller: Caller, _id: number): AutomationJobView {
    return notYet();
  }
  contactState(_caller: Caller, _contactId: number): ContactAutomationState {
    return notYet();
  }
  resumeContact(_caller: Caller, _contactId: number): ContactAutomationState {
    return notYet();
  }
}
