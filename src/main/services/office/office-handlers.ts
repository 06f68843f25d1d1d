import type { officeChannels } from '../../../shared/office/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { OfficeService } from './office-service';
import type { OfficeTaxService } from './office-tax';

/** Binds the office slice's channels to its service. */
export function officeHandlers(s: { office: OfficeService; officeTax: OfficeTaxService }): HandlerMap<typeof officeChannels> {
  return {
    'office.get': () => s.office.settings(),
    'office.update': (input, { caller }) => s.office.update(signedIn(caller), input),
    'office.display': () => s.office.display(),
    'office.status': () => s.office.status(),
    'office.tax': () => s.officeTax.read(),
    'office.updateTax': (input, { caller }) => s.officeTax.update(signedIn(caller), input),
  };
}
