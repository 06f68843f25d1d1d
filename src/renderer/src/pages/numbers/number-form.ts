import type { ChannelInput } from '../../../../shared/contract';
import type { NumberView } from '../../../../shared/numbers/types';
import { ApiCallError, call } from '../../api/client';
import { clientFieldError } from '../../i18n/errors';

export interface NumberFormValues {
  name: string;
  /** '' for nobody: a select's value is a string. */
  employeeId: string;
  quotaLimit: string;
  /** '' for no branch. */
  branchId: string;
}

/** Seed 003's rate limit: 1,000 messages a day per number. */
export const defaultQuota = 1000;

export function numberFormValues(number?: NumberView): NumberFormValues {
  return {
    name: number?.name ?? '',
    employeeId: number?.employee ? String(number.employee.id) : '',
    quotaLimit: String(number?.quotaLimit ?? defaultQuota),
    branchId: number?.branchId ? String(number.branchId) : '',
  };
}

function parsed(values: NumberFormValues): { name: string; employeeId: number | null; quotaLimit: number; branchId: number | null } {
  const quota = values.quotaLimit.trim();
  // An empty or non-numeric limit would reach the core as a string; say so under the field instead.
  if (!/^\d+$/.test(quota)) throw new ApiCallError(clientFieldError('quotaLimit', quota ? 'invalid' : 'required'));
  return { name: values.name, employeeId: values.employeeId ? Number(values.employeeId) : null, quotaLimit: Number(quota), branchId: values.branchId ? Number(values.branchId) : null };
}

export function createNumber(values: NumberFormValues): Promise<NumberView> {
  return call('numbers.create', parsed(values));
}

/** Sends only what changed; resolves undefined when there is nothing to save. */
export async function updateNumber(number: NumberView, values: NumberFormValues): Promise<NumberView | undefined> {
  const next = parsed(values);
  const input: ChannelInput<'numbers.update'> = {
    id: number.id,
    ...(next.name !== number.name ? { name: next.name } : {}),
    ...(next.employeeId !== (number.employee?.id ?? null) ? { employeeId: next.employeeId } : {}),
    ...(next.quotaLimit !== number.quotaLimit ? { quotaLimit: next.quotaLimit } : {}),
    ...(next.branchId !== number.branchId ? { branchId: next.branchId } : {}),
  };
  if (Object.keys(input).length === 1) return undefined;
  return call('numbers.update', input);
}

/** The agents chosen in the form, in id order, without repeats. */
export function sortedAgentIds(ids: readonly number[]): number[] {
  return [...new Set(ids)].sort((a, b) => a - b);
}

/**
 * Saves the number's agents when the choice differs from what it has; the saved number either
 * way. A deactivated agent still on the number is dropped with the change (the core refuses
 * inactive users), and left alone when nothing changed.
 */
export async function saveAgents(number: NumberView, agentIds: readonly number[], isActive: (id: number) => boolean): Promise<NumberView> {
  const wanted = sortedAgentIds(agentIds);
  const current = sortedAgentIds(number.agentIds);
  if (wanted.length === current.length && wanted.every((id, i) => id === current[i])) return number;
  return call('numbers.setAgents', { id: number.id, agentIds: wanted.filter(isActive) });
}
