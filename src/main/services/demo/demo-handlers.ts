import type { demoChannels } from '../../../shared/demo/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { DemoService } from './demo-service';

/** Binds the demo slice's channels to its service. */
export function demoHandlers(s: { demo: DemoService }): HandlerMap<typeof demoChannels> {
  return {
    'demo.customerSends': (input, { caller }) => s.demo.customerSends(signedIn(caller), input.conversationId, input.kind),
    'demo.customerSays': (input, { caller }) => s.demo.customerSays(signedIn(caller), input.conversationId, input.text),
    'demo.newCustomerWrites': (input, { caller }) => s.demo.newCustomerWrites(signedIn(caller), input.numberId, input.language, input.name),
    'demo.advanceClock': (input, { caller }) => s.demo.advanceClock(signedIn(caller), input.minutes),
  };
}
