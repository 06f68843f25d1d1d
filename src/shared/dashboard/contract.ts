import { adminOnly, channel } from '../contract-kit';
import { empty } from '../fields';
import * as s from './schemas';
import type { DashboardSummary, DrillDown } from './types';

/**
 * Issue 17's dashboard: figures kept by the core in the same transactions as ingest and the
 * outbox. Agents see the numbers they work and their own replies; supervisors and admins all.
 */
export const dashboardChannels = {
  /** Cards, charts and tables of one range, from one read, so they always agree. */
  'dashboard.summary': channel<DashboardSummary>()({ input: s.dashboardQuery, access: 'user', kind: 'read' }),
  /** The episodes behind a figure, newest first. */
  'dashboard.drillDown': channel<DrillDown>()({ input: s.drillDownInput, access: 'user', kind: 'read' }),
  /** Computes every figure again from raw rows (after a zone change, or to check the kept ones). */
  'dashboard.rebuild': channel<{ episodes: number }>()({ input: empty, access: adminOnly, kind: 'write' }),
} as const;
