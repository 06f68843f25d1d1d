import type { webhooksChannels } from '../../../shared/webhooks/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { WebhookEndpoints } from './webhook-endpoints';

/** Binds the webhooks slice's channels to its service. */
export function webhooksHandlers(s: { webhooks: WebhookEndpoints }): HandlerMap<typeof webhooksChannels> {
  return {
    'webhooks.list': () => s.webhooks.list(),
    'webhooks.create': (input, { caller }) => s.webhooks.create(signedIn(caller), input),
    'webhooks.update': (input, { caller }) => s.webhooks.update(signedIn(caller), input),
    'webhooks.delete': (input, { caller }) => s.webhooks.delete(signedIn(caller), input.id),
    'webhooks.deliveries': (input) => s.webhooks.deliveries(input),
    'webhooks.sendTest': (input) => s.webhooks.sendTest(input.id),
  };
}
