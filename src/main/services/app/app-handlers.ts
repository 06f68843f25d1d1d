import type { appChannels } from '../../../shared/app/contract';
import type { AppInfo } from '../../../shared/app/types';
import type { HandlerMap } from '../../rpc/handler-map';

/** Binds the app slice's channels to its services. */
export function appHandlers(s: { appInfo: AppInfo }): HandlerMap<typeof appChannels> {
  return {
    'app.info': () => s.appInfo,
  };
}
