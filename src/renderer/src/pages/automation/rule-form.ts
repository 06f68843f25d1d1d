import { z } from 'zod';
import { createRuleInput } from '../../../../shared/automation/schemas';
import type { AutomationRuleView, AutomationTrigger } from '../../../../shared/automation/types';
import { noResponseWindowMinutes } from '../../../../shared/automation/types';
import { entityId } from '../../../../shared/fields';
import { latinDigits } from '../../../../shared/money';
import { joinDelay, splitDelay, type DelayDirection, type DelayUnit } from './delay';

/**
 * The contract's createRuleInput as the form holds it: the delay as an amount, a unit and (for
 * reminders) before/after; the template and number from selects (text, '' = every number). The
 * parsed values are createRuleInput's own, checked by it, so the form refuses what the core would.
 * `delayMinutes` stays in the values only so the core's errors about it land under the delay.
 */
export const ruleForm = createRuleInput
  .omit({ delayMinutes: true, templateId: true, whatsappNumberId: true })
  .extend({
    delayAmount: z
      .string()
      .trim()
      .min(1)
      .transform(latinDigits)
      .refine((text) => /^\d{1,6}$/.test(text), 'not_integer')
      .transform(Number),
    delayUnit: z.enum(['minutes', 'hours', 'days']),
    delayDirection: z.enum(['before', 'after']),
    templateId: z.string().min(1).transform(Number).pipe(entityId),
    whatsappNumberId: z.string().transform((id) => (id === '' ? null : Number(id))).pipe(entityId.nullable()),
    delayMinutes: z.unknown().optional(),
  })
  .transform(({ delayAmount, delayUnit, delayDirection, delayMinutes: _shownOnly, ...rule }): z.input<typeof createRuleInput> => ({
    ...rule,
    delayMinutes: joinDelay({ amount: delayAmount, unit: delayUnit, direction: delayDirection }, rule.trigger),
  }))
  .pipe(createRuleInput);

export type RuleFormValues = z.input<typeof ruleForm>;

export function ruleFormDefaults(rule: AutomationRuleView | undefined): RuleFormValues {
  const parts = splitDelay(rule?.delayMinutes ?? 0);
  return {
    name: rule?.name ?? '',
    description: rule?.description ?? '',
    trigger: rule?.trigger ?? 'new_inquiry',
    delayAmount: String(parts.amount),
    delayUnit: parts.unit,
    delayDirection: parts.direction,
    delayMinutes: rule?.delayMinutes ?? 0,
    templateId: rule ? String(rule.templateId) : '',
    whatsappNumberId: rule?.whatsappNumberId ? String(rule.whatsappNumberId) : '',
    officeHoursOnly: rule?.officeHoursOnly ?? false,
    isActive: rule?.isActive ?? true,
  };
}

/**
 * A sensible delay when the trigger changes: a no-response tier starts at its own window (a
 * shorter one is refused), a reminder a day before the viewing; others keep what was typed.
 */
export function delayForTrigger(trigger: AutomationTrigger, current: { amount: string; unit: DelayUnit; direction: DelayDirection }) {
  const window = noResponseWindowMinutes[trigger];
  if (window !== undefined) return { amount: String(window / 60), unit: 'hours' as const, direction: 'after' as const };
  if (trigger === 'appointment_reminder') return { amount: '1', unit: 'days' as const, direction: 'before' as const };
  return { ...current, direction: 'after' as const };
}

/** The delay the form shows now, in minutes, or null while the amount is not a whole number. */
export function typedDelay(values: { trigger: AutomationTrigger; delayAmount: string; delayUnit: DelayUnit; delayDirection: DelayDirection }): number | null {
  const text = latinDigits(values.delayAmount.trim());
  if (!/^\d{1,6}$/.test(text)) return null;
  return joinDelay({ amount: Number(text), unit: values.delayUnit, direction: values.delayDirection }, values.trigger);
}
