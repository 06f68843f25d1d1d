import type { activityChannels } from '../../../shared/activity/contract';
import type { HandlerMap } from '../../rpc/handler-map';
import type { ActivityLog } from './activity-log';

/** Binds the activity slice's channels to its services. */
export function activityHandlers(s: { activity: ActivityLog }): HandlerMap<typeof activityChannels> {
  return {
    'activity.list': (input) => s.activity.list(input),
  };
}
