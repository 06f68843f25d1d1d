import type { officeChannels } from '../../../shared/office/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { OfficeService } from './office-service';

/** Binds the office slice's channels to its service. */
export function officeHandlers(s: { office: OfficeService }): HandlerMap<typeof officeChannels> {
  return {
    'office.get': () => s.office.settings(),
    'office.update': (input, { caller }) => s.office.update(signedIn(caller), input),
    'office.display': () => s.office.display(),
    'office.status': () => s.office.status(),
  };
}
