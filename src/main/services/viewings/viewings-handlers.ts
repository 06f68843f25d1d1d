import type { viewingsChannels } from '../../../shared/viewings/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { ViewingsService } from './viewings-service';

/** Binds the viewings slice's channels to its service. */
export function viewingsHandlers(s: { viewings: ViewingsService }): HandlerMap<typeof viewingsChannels> {
  return {
    'viewings.calendar': (input, { caller }) => s.viewings.calendar(signedIn(caller), input),
    'viewings.get': (input, { caller }) => s.viewings.get(signedIn(caller), input.id),
    'viewings.forConversation': (input, { caller }) => s.viewings.forConversation(signedIn(caller), input.conversationId),
    'viewings.forContact': (input, { caller }) => s.viewings.forContact(signedIn(caller), input.contactId),
    'viewings.agents': (_input, { caller }) => s.viewings.agents(signedIn(caller)),
    'viewings.suggestSlot': (input, { caller }) => s.viewings.suggestSlot(signedIn(caller), input),
    'viewings.book': (input, { caller }) => s.viewings.book(signedIn(caller), input),
    'viewings.reschedule': (input, { caller }) => s.viewings.reschedule(signedIn(caller), input),
    'viewings.update': (input, { caller }) => s.viewings.update(signedIn(caller), input),
    'viewings.setStatus': (input, { caller }) => s.viewings.setStatus(signedIn(caller), input),
  };
}
