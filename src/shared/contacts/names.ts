import type { SameNames } from '../contract-kit';
import type { contactsChannels, ContactsEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const contactsChannelNames = [
  'contacts.list',
  'contacts.get',
  'contacts.create',
  'contacts.update',
  'contacts.addNote',
  'contacts.deleteNote',
  'contacts.tags',
  'contacts.importPreview',
  'contacts.import',
  'contacts.export',
] as const;
export const contactsEventNames = ['contact.changed', 'contacts.import.progress'] as const;

const listed: [SameNames<(typeof contactsChannelNames)[number], keyof typeof contactsChannels>, SameNames<(typeof contactsEventNames)[number], keyof ContactsEvents>] = [true, true];
void listed;
