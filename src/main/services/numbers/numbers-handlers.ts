import type { numbersChannels } from '../../../shared/numbers/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { NumbersService } from './numbers-service';

/** Binds the numbers slice's channels to its services. */
export function numbersHandlers(s: { numbers: NumbersService }): HandlerMap<typeof numbersChannels> {
  return {
    'numbers.list': (_input, { caller }) => s.numbers.list(signedIn(caller)),
    'numbers.get': (input, { caller }) => s.numbers.details(signedIn(caller), input.id),
    'numbers.create': (input, { caller }) => s.numbers.create(signedIn(caller), input),
    'numbers.update': (input, { caller }) => s.numbers.update(signedIn(caller), input),
    'numbers.connect': (input, { caller }) => s.numbers.connect(signedIn(caller), input.id, input.force),
    'numbers.disconnect': (input, { caller }) => s.numbers.disconnect(signedIn(caller), input.id),
    'numbers.remove': (input, { caller }) => s.numbers.remove(signedIn(caller), input.id),
    'numbers.requestPairingCode': (input, { caller }) => s.numbers.requestPairingCode(signedIn(caller), input.id, input.phoneNumber),
    'numbers.demoScan': (input) => s.numbers.demoScan(input.id),
    'numbers.demoEvent': (input) => s.numbers.demoEvent(input.id, input.event),
    'numbers.setAgents': (input, { caller }) => s.numbers.setAgents(signedIn(caller), input.id, input.agentIds),
  };
}
