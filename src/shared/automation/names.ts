import type { SameNames } from '../contract-kit';
import type { automationChannels, AutomationEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const automationChannelNames = [
  'automation.listRules',
  'automation.getRule',
  'automation.createRule',
  'automation.updateRule',
  'automation.toggleRule',
  'automation.deleteRule',
  'automation.dryRun',
  'automation.preview',
  'automation.stats',
  'automation.ruleJobs',
  'automation.conversationJobs',
  'automation.cancelJob',
  'automation.followUp',
  'automation.contactState',
  'automation.resumeContact',
] as const;
export const automationEventNames = ['automation.rules.changed', 'automation.jobs.changed'] as const;

const listed: [
  SameNames<(typeof automationChannelNames)[number], keyof typeof automationChannels>,
  SameNames<(typeof automationEventNames)[number], keyof AutomationEvents>,
] = [true, true];
void listed;
