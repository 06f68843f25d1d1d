import type { ChannelInput } from '../../../../shared/contract';
import type { ContactView } from '../../../../shared/contacts/types';
import { normalizeTags } from '../../../../shared/contacts/types';
import { call } from '../../api/client';

export interface ContactFormValues {
  name: string;
  phone: string;
  email: string;
  /** As typed: tags separated by commas. */
  tags: string;
  /** YYYY-MM-DD from the date input, or empty. */
  followUpDate: string;
}

export function contactFormValues(contact?: ContactView): ContactFormValues {
  return {
    name: contact?.name ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
    tags: contact?.tags.join('، ') ?? '',
    followUpDate: contact?.followUpDate ?? '',
  };
}

const tagsOf = (values: ContactFormValues) => normalizeTags([values.tags]);

export function createContact(values: ContactFormValues): Promise<ContactView> {
  const email = values.email.trim();
  return call('contacts.create', {
    name: values.name,
    phone: values.phone,
    ...(email ? { email } : {}),
    tags: tagsOf(values),
    ...(values.followUpDate ? { followUpDate: values.followUpDate } : {}),
  });
}

/** Sends only what changed, so the activity log names the real change. Undefined when nothing did. */
export async function updateContact(contact: ContactView, values: ContactFormValues): Promise<ContactView | undefined> {
  const email = values.email.trim() || null;
  const tags = tagsOf(values);
  const followUpDate = values.followUpDate || null;
  const input: ChannelInput<'contacts.update'> = {
    id: contact.id,
    ...(values.name.trim() !== (contact.name ?? '') ? { name: values.name } : {}),
    ...(values.phone.trim() !== (contact.phone ?? '') ? { phone: values.phone } : {}),
    ...(email !== contact.email ? { email } : {}),
    ...(tags.join('\n') !== contact.tags.join('\n') ? { tags } : {}),
    ...(followUpDate !== contact.followUpDate ? { followUpDate } : {}),
  };
  if (Object.keys(input).length === 1) return undefined;
  return call('contacts.update', input);
}
