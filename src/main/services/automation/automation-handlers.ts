import type { automationChannels } from '../../../shared/automation/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { AutomationJobs } from './automation-jobs';
import type { AutomationRules } from './automation-rules';
import type { AutomationTriggers } from './automation-triggers';

/** Binds the automation slice's channels to its two services. */
export function automationHandlers(s: { automation: { rules: AutomationRules; jobs: AutomationJobs; triggers: AutomationTriggers } }): HandlerMap<typeof automationChannels> {
  const { rules, jobs, triggers } = s.automation;
  return {
    'automation.listRules': (input, { caller }) => rules.list(signedIn(caller), input),
    'automation.getRule': (input, { caller }) => rules.get(signedIn(caller), input.id),
    'automation.createRule': (input, { caller }) => rules.create(signedIn(caller), input),
    'automation.updateRule': (input, { caller }) => rules.update(signedIn(caller), input),
    'automation.toggleRule': (input, { caller }) => rules.toggle(signedIn(caller), input.id),
    'automation.deleteRule': (input, { caller }) => rules.delete(signedIn(caller), input.id),
    'automation.dryRun': (input, { caller }) => rules.dryRun(signedIn(caller), input),
    'automation.preview': (input, { caller }) => rules.preview(signedIn(caller), input),
    'automation.stats': (input, { caller }) => rules.stats(signedIn(caller), input),
    'automation.ruleJobs': (input, { caller }) => jobs.ruleJobs(signedIn(caller), input),
    'automation.conversationJobs': (input, { caller }) => jobs.conversationJobs(signedIn(caller), input.conversationId),
    'automation.cancelJob': (input, { caller }) => jobs.cancel(signedIn(caller), input.id),
    'automation.followUp': (input, { caller }) => triggers.followUp(signedIn(caller), input),
    'automation.contactState': (input, { caller }) => jobs.contactState(signedIn(caller), input.contactId),
    'automation.resumeContact': (input, { caller }) => jobs.resumeContact(signedIn(caller), input.contactId),
  };
}
