import type { activityChannels } from '../../../shared/activity/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { ActivityLog } from './activity-log';

/** Binds the activity slice's channels to its services: reads only, the core alone appends. */
export function activityHandlers(s: { activity: ActivityLog }): HandlerMap<typeof activityChannels> {
  return {
    'activity.list': (input) => s.activity.list(input),
    'activity.export': (input, { caller }) => s.activity.exportPage(input, signedIn(caller).user.language),
    'activity.verify': () => s.activity.verify(),
  };
}
