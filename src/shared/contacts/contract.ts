import { channel, managers } from '../contract-kit';
import { empty } from '../fields';
import * as s from './schemas';
import type { ContactDetails, ContactNoteView, ContactPage, ContactView, ImportPreview, ImportResult, TagCount } from './types';

/** Customers: details, notes, tags, follow-ups, CSV import and export. */
export const contactsChannels = {
  'contacts.list': channel<ContactPage>()({ input: s.contactListInput, access: 'user', kind: 'read' }),
  'contacts.get': channel<ContactDetails>()({ input: s.contactIdInput, access: 'user', kind: 'read' }),
  'contacts.create': channel<ContactView>()({ input: s.createContactInput, access: 'user', kind: 'write' }),
  'contacts.update': channel<ContactView>()({ input: s.updateContactInput, access: 'user', kind: 'write' }),
  'contacts.addNote': channel<ContactNoteView>()({ input: s.addNoteInput, access: 'user', kind: 'write' }),
  /** The note's author, an admin or a supervisor. */
  'contacts.deleteNote': channel<{ ok: true }>()({ input: s.noteIdInput, access: 'user', kind: 'write' }),
  /** Every tag in use, most used first. */
  'contacts.tags': channel<TagCount[]>()({ input: empty, access: 'user', kind: 'read' }),
  /** Parses and checks a CSV without storing anything. Bulk import and export are for managers. */
  'contacts.importPreview': channel<ImportPreview>()({ input: s.importPreviewInput, access: managers, kind: 'read' }),
  /** All or nothing; `s.import.progress` goes to the caller's window while it runs. */
  'contacts.import': channel<ImportResult>()({ input: s.importInput, access: managers, kind: 'write' }),
  /** UTF-8 with a BOM, so Excel shows Arabic. */
  'contacts.export': channel<{ csv: string }>()({ input: s.exportInput, access: managers, kind: 'read' }),
} as const;

export interface ContactsEvents {
  /** A contact was created or changed; null when many changed at once (an import): lists reload. */
  'contact.changed': { contactId: number | null };
  /** Rows of a running import checked so far; only to the window that started it. */
  'contacts.import.progress': { done: number; total: number };
}
