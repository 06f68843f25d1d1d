import type { integrationsChannels } from '../../../shared/integrations/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { ApiKeys } from './api-keys';
import type { ApiSettingsStore } from './api-settings';

/** Binds the integrations slice's channels to its services. */
export function integrationsHandlers(s: { apiKeys: ApiKeys; apiSettings: ApiSettingsStore }): HandlerMap<typeof integrationsChannels> {
  return {
    'apiKeys.list': () => s.apiKeys.list(),
    'apiKeys.create': (input, { caller }) => s.apiKeys.create(signedIn(caller), input),
    'apiKeys.revoke': (input, { caller }) => s.apiKeys.revoke(signedIn(caller), input.id),
    'api.settings': () => s.apiSettings.get(),
    'api.updateSettings': (input, { caller }) => s.apiSettings.update(signedIn(caller), input),
  };
}
