import { z } from 'zod';
import { isCalendarDay } from '../contacts/types';
import { entityId } from '../fields';
import { activityActions, activityGroups } from './types';

/** YYYY-MM-DD in the office's calendar, both ends included. */
const officeDay = z.string().trim().refine(isCalendarDay, 'invalid');

/**
 * Who, what, which record and which days. `action` is one action or a whole group
 * ("conversation": every change to conversations); a record is its kind (`entityType`) and,
 * optionally, its id.
 */
const filterFields = {
  userId: entityId.optional(),
  action: z.enum([...activityActions, ...activityGroups] as [string, ...string[]]).optional(),
  entityType: z.string().trim().regex(/^[a-z_]{1,40}$/, 'invalid').optional(),
  entityId: entityId.optional(),
  from: officeDay.optional(),
  to: officeDay.optional(),
};

type Filters = { from?: string | undefined; to?: string | undefined; entityType?: string | undefined; entityId?: number | undefined };
const datesInOrder = (input: Filters) => !input.from || !input.to || input.from <= input.to;
const idNeedsType = (input: Filters) => input.entityId === undefined || input.entityType !== undefined;

/**
 * A page of the log, newest first. The next page starts below the last id shown (keyset, so
 * entries written meanwhile neither repeat nor shift the pages).
 */
export const activityListInput = z
  .object({ limit: z.number().int().min(1).max(200).default(50), beforeId: entityId.optional(), ...filterFields })
  .strict()
  .refine(datesInOrder, { path: ['to'], message: 'before_from' })
  .refine(idNeedsType, { path: ['entityType'], message: 'required' });

/** A page of the CSV export of the filtered rows (the same filters as the list), newest first. */
export const activityExportInput = z
  .object({ limit: z.number().int().min(1).max(5_000).default(2_000), beforeId: entityId.optional(), ...filterFields })
  .strict()
  .refine(datesInOrder, { path: ['to'], message: 'before_from' })
  .refine(idNeedsType, { path: ['entityType'], message: 'required' });

export const activityVerifyInput = z.object({}).strict();
