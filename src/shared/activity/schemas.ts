import { z } from 'zod';
import { isCalendarDay } from '../contacts/types';
import { entityId } from '../fields';
import { activityActions, activityGroups } from './types';

/** YYYY-MM-DD in the office's calendar, both ends included. */
const officeDay = z.string().trim().refine(isCalendarDay, 'invalid');

/**
 * A page of the log, newest first. The next page starts below the last id shown (keyset, so
 * entries written meanwhile neither repeat nor shift the pages). `action` is one action or a
 * whole group ("conversation": every change to conversations).
 */
export const activityListInput = z
  .object({
    limit: z.number().int().min(1).max(200).default(50),
    beforeId: entityId.optional(),
    userId: entityId.optional(),
    action: z.enum([...activityActions, ...activityGroups] as [string, ...string[]]).optional(),
    from: officeDay.optional(),
    to: officeDay.optional(),
  })
  .strict()
  .refine((input) => !input.from || !input.to || input.from <= input.to, { path: ['to'], message: 'before_from' });
