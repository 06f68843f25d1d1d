import { channel, managers } from '../contract-kit';
import * as s from './schemas';
import type { ActivityCsvPage, ActivityEntry, ActivityVerifyResult } from './types';

/**
 * The activity log: who did what, and when. Read-only on purpose: the core alone appends (each
 * service through ActivityLog.record), no channel edits, deletes or writes an entry, and
 * triggers refuse any rewrite of the table.
 */
export const activityChannels = {
  'activity.list': channel<ActivityEntry[]>()({ input: s.activityListInput, access: managers, kind: 'read' }),
  'activity.export': channel<ActivityCsvPage>()({ input: s.activityExportInput, access: managers, kind: 'read' }),
  'activity.verify': channel<ActivityVerifyResult>()({ input: s.activityVerifyInput, access: managers, kind: 'read' }),
} as const;
