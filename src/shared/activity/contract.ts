import { channel, managers } from '../contract-kit';
import * as s from './schemas';
import type { ActivityEntry } from './types';

/** The activity log: who did what, and when. */
export const activityChannels = {
  'activity.list': channel<ActivityEntry[]>()({ input: s.activityListInput, access: managers, kind: 'read' }),
} as const;
