import { adminOnly, channel, managers } from '../contract-kit';
import type { Role } from '../domain';
import * as s from './schemas';
import type {
  AutomationDryRun,
  AutomationJobPage,
  AutomationJobView,
  AutomationRuleList,
  AutomationRuleView,
  AutomationStats,
  AutomationTrigger,
  ContactAutomationState,
  JobStatus,
  TemplatePreview,
} from './types';

const everyone: readonly Role[] = ['admin', 'supervisor', 'agent'];

/**
 * Seed 003 §5. Admins edit rules; supervisors read them and the stats; agents see the rules that
 * touch their numbers (every-number rules and their numbers'), and the jobs of conversations
 * they may open, which they can cancel. Outside their numbers: FORBIDDEN / NOT_FOUND as elsewhere.
 */
export const automationChannels = {
  'automation.listRules': channel<AutomationRuleList>()({ input: s.listRulesInput, access: everyone, kind: 'read' }),
  'automation.getRule': channel<AutomationRuleView>()({ input: s.ruleIdInput, access: everyone, kind: 'read' }),
  /** VALIDATION_ERROR naming the field for a bad trigger/delay/template/variable; nothing saved. */
  'automation.createRule': channel<AutomationRuleView>()({ input: s.createRuleInput, access: adminOnly, kind: 'write' }),
  /** A changed delay re-times pending jobs; switching off cancels them (`rule_off`). */
  'automation.updateRule': channel<AutomationRuleView>()({ input: s.updateRuleInput, access: adminOnly, kind: 'write' }),
  'automation.toggleRule': channel<AutomationRuleView>()({ input: s.ruleIdInput, access: adminOnly, kind: 'write' }),
  /** Pending jobs are cancelled (`rule_deleted`); ended ones stay listed. */
  'automation.deleteRule': channel<{ id: number }>()({ input: s.ruleIdInput, access: adminOnly, kind: 'write' }),
  /** "Would fire for 37 conversations now", with the first of them. */
  'automation.dryRun': channel<AutomationDryRun>()({ input: s.dryRunInput, access: adminOnly, kind: 'read' }),
  'automation.preview': channel<TemplatePreview>()({ input: s.previewInput, access: adminOnly, kind: 'read' }),
  'automation.stats': channel<AutomationStats>()({ input: s.statsInput, access: managers, kind: 'read' }),
  'automation.ruleJobs': channel<AutomationJobPage>()({ input: s.ruleJobsInput, access: managers, kind: 'read' }),
  /** The conversation's pending automations and its recent ended ones. */
  'automation.conversationJobs': channel<AutomationJobView[]>()({ input: s.conversationJobsInput, access: everyone, kind: 'read' }),
  /** Cancels a pending job (`cancelled_by_user`); an ended one is CONFLICT. */
  'automation.cancelJob': channel<AutomationJobView>()({ input: s.jobIdInput, access: everyone, kind: 'write' }),
  /** "Follow up in …": arms the conversation's follow-up rules for then. */
  'automation.followUp': channel<AutomationJobView[]>()({ input: s.followUpInput, access: everyone, kind: 'write' }),
  'automation.contactState': channel<ContactAutomationState>()({ input: s.contactAutomationInput, access: everyone, kind: 'read' }),
  /** After an opt-out word: an agent turns automation back on for the contact. */
  'automation.resumeContact': channel<ContactAutomationState>()({ input: s.contactAutomationInput, access: everyone, kind: 'write' }),
} as const;

export interface AutomationEvents {
  /**
   * A rule was created, changed, toggled or deleted, or its counts moved; for everyone signed in (they filter by number).
   * `countsOnly`: only its counts moved (a send), the rule itself did not change.
   */
  'automation.rules.changed': { ruleId: number; whatsappNumberId: number | null; deleted: boolean; countsOnly?: boolean };
  /**
   * A conversation's automation job was armed, re-timed or ended; for the number's team. `jobId` 0:
   * jobs still waiting in an arming (no row yet) were armed or ended; the conversation's panel reads afresh.
   */
  'automation.jobs.changed': { jobId: number; ruleId: number | null; trigger: AutomationTrigger; conversationId: number | null; contactId: number; status: JobStatus };
}
