import { z } from 'zod';
import { followUpInput } from '../../../../shared/automation/schemas';
import { latinDigits } from '../../../../shared/money';
import { delayUnits } from './delay';

export const followUpChoices = ['1h', 'tomorrow', '3d', 'custom'] as const;
export type FollowUpChoice = (typeof followUpChoices)[number];

/** The quick choices in minutes; "tomorrow" is the same time tomorrow. */
const quick: Record<Exclude<FollowUpChoice, 'custom'>, number> = { '1h': 60, tomorrow: 24 * 60, '3d': 3 * 24 * 60 };

const fields = followUpInput.omit({ conversationId: true });

/**
 * The "follow up in …" picker over the contract's followUpInput: a quick choice, or an amount
 * and a unit. `inMinutes` stays in the values only so the core's errors about it show.
 */
export const followUpForm = z
  .object({
    choice: z.enum(followUpChoices),
    amount: z.string(),
    unit: z.enum(['minutes', 'hours', 'days']),
    inMinutes: z.unknown().optional(),
  })
  .transform(({ choice, amount, unit }): z.input<typeof fields> => {
    if (choice !== 'custom') return { inMinutes: quick[choice] };
    const text = latinDigits(amount.trim());
    return { inMinutes: /^\d{1,6}$/.test(text) ? Number(text) * delayUnits[unit] : Number.NaN };
  })
  .pipe(fields);

export const followUpDefaults: z.input<typeof followUpForm> = { choice: '1h', amount: '2', unit: 'hours', inMinutes: 60 };
