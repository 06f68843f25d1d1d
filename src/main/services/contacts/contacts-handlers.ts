import type { contactsChannels } from '../../../shared/contacts/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { ContactsService } from './contacts-service';

/** Binds the contacts slice's channels to its services. */
export function contactsHandlers(s: { contacts: ContactsService }): HandlerMap<typeof contactsChannels> {
  return {
    'contacts.list': (input, { caller }) => s.contacts.list(signedIn(caller), input),
    'contacts.get': (input, { caller }) => s.contacts.get(signedIn(caller), input.id),
    'contacts.create': (input, { caller }) => s.contacts.create(signedIn(caller), input),
    'contacts.update': (input, { caller }) => s.contacts.update(signedIn(caller), input),
    'contacts.addNote': (input, { caller }) => s.contacts.addNote(signedIn(caller), input),
    'contacts.deleteNote': (input, { caller }) => s.contacts.deleteNote(signedIn(caller), input.id),
    'contacts.tags': (_input, { caller }) => s.contacts.tags(signedIn(caller)),
    'contacts.importPreview': (input, { caller }) => s.contacts.importPreview(signedIn(caller), input),
    'contacts.import': (input, { caller }) => s.contacts.import(signedIn(caller), input),
    'contacts.export': (input, { caller }) => s.contacts.export(signedIn(caller), input),
  };
}
