import type { dashboardChannels } from '../../../shared/dashboard/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { DashboardService } from './dashboard-service';

/** Binds the dashboard slice's channels to its service. */
export function dashboardHandlers(s: { dashboard: DashboardService }): HandlerMap<typeof dashboardChannels> {
  return {
    'dashboard.summary': (input, { caller }) => s.dashboard.summary(signedIn(caller), input),
    'dashboard.drillDown': (input, { caller }) => s.dashboard.drillDown(signedIn(caller), input),
    'dashboard.rebuild': () => s.dashboard.rebuild(),
  };
}
