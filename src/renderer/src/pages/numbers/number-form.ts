import { z } from 'zod';
import type { ChannelInput } from '../../../../shared/contract';
import { entityId } from '../../../../shared/fields';
import { createNumberInput, updateNumberInput } from '../../../../shared/numbers/schemas';
import type { NumberView } from '../../../../shared/numbers/types';
import { call } from '../../api/client';

/** A select's value is a string: '' is nobody / no branch. */
const idText = z.string().transform((v) => (v ? Number(v) : null)).pipe(entityId.nullable());

/**
 * The number dialog's fields as the form holds them, read into the contract's own fields
 * (numbers.create / numbers.update, and numbers.setAgents for the agents).
 */
export const numberForm = createNumberInput.extend({
  employeeId: idText,
  branchId: idText,
  // An empty or non-numeric limit is said under the field, in the core's own words.
  quotaLimit: z.string().trim().min(1).regex(/^\d+$/).transform(Number).pipe(updateNumberInput.shape.quotaLimit.unwrap()),
  agentIds: z.array(entityId),
});

export type NumberFormValues = z.input<typeof numberForm>;
type Parsed = z.output<typeof numberForm>;

/** Seed 003's rate limit: 1,000 messages a day per number. */
export const defaultQuota = 1000;

export function numberFormValues(number?: NumberView): NumberFormValues {
  return {
    name: number?.name ?? '',
    employeeId: number?.employee ? String(number.employee.id) : '',
    quotaLimit: String(number?.quotaLimit ?? defaultQuota),
    branchId: number?.branchId ? String(number.branchId) : '',
    agentIds: number?.agentIds ?? [],
  };
}

export function createNumber(values: Parsed): Promise<NumberView> {
  const { agentIds: _agents, ...number } = values;
  return call('numbers.create', number);
}

/** Sends only what changed; resolves undefined when there is nothing to save. */
export async function updateNumber(number: NumberView, next: Parsed): Promise<NumberView | undefined> {
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
