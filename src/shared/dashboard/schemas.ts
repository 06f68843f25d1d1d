import { z } from 'zod';
import { entityId } from '../fields';
import { officeDate } from '../offers/schemas';
import { dashboardPresets, drillFigures } from './types';

/** The longest custom range: two years of office days. */
export const maxRangeDays = 731;

const dayIndex = (day: string) => Math.floor(Date.parse(`${day}T00:00:00Z`) / 86_400_000);

/** A range and the filters every dashboard channel takes; a custom range names its first and last office day. */
export const dashboardQuery = z
  .object({
    preset: z.enum(dashboardPresets).default('30d'),
    from: officeDate.optional(),
    to: officeDate.optional(),
    numberId: entityId.optional(),
    branchId: entityId.optional(),
    agentId: entityId.optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    if (q.preset !== 'custom') return;
    if (!q.from) ctx.addIssue({ code: 'custom', message: 'required', path: ['from'] });
    if (!q.to) ctx.addIssue({ code: 'custom', message: 'required', path: ['to'] });
    if (!q.from || !q.to) return;
    if (q.to < q.from) ctx.addIssue({ code: 'custom', message: 'ends_before_start', path: ['to'] });
    else if (dayIndex(q.to) - dayIndex(q.from) + 1 > maxRangeDays) ctx.addIssue({ code: 'custom', message: 'too_long', path: ['to'] });
  });

export const drillDownInput = z
  .object({
    query: dashboardQuery,
    figure: z.enum(drillFigures),
    /** Only episodes whose first reply was this agent's (a row of the per-agent table). */
    repliedBy: entityId.optional(),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();
