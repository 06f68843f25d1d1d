import type { ChannelInput } from '../../../../shared/contract';
import { call } from '../../api/client';
import { useLiveRead } from './use-live-read';

export type RuleFilters = ChannelInput<'automation.listRules'>;

/** The rules matching `filters` with their live counts: a rule or its counts changed, or a job was armed or ended (the pending count). */
export function useRules(filters: RuleFilters) {
  const key = JSON.stringify(filters);
  return useLiveRead(() => call('automation.listRules', JSON.parse(key) as RuleFilters), key, ['automation.rules.changed', 'automation.jobs.changed']);
}
