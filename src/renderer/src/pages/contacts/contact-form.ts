import { z } from 'zod';
import type { ChannelInput } from '../../../../shared/contract';
import type { ContactView } from '../../../../shared/contacts/types';
import { createContactInput } from '../../../../shared/contacts/schemas';
import { call } from '../../api/client';

const contract = createContactInput.shape;

/**
 * The contact dialog's fields as the form holds them (text inputs give strings), read into the
 * contract's own fields: an empty email or follow-up date is none, tags are typed with commas.
 * The same schema the core checks runs after the reshaping, so both word errors alike.
 */
export const contactForm = z.object({
  name: contract.name,
  phone: contract.phone,
  email: z.string().transform((v): string | null | undefined => v.trim() || null).pipe(contract.email),
  tags: z.string().transform((v): string[] | undefined => [v]).pipe(contract.tags),
  followUpDate: z.string().transform((v): string | null | undefined => v.trim() || null).pipe(contract.followUpDate),
});

export type ContactFormValues = z.input<typeof contactForm>;
type ContactFields = z.output<typeof contactForm>;

export function contactFormValues(contact?: ContactView): ContactFormValues {
  return {
    name: contact?.name ?? '',
    phone: contact?.phone ?? '',
    email: contact?.email ?? '',
    tags: contact?.tags.join('، ') ?? '',
    followUpDate: contact?.followUpDate ?? '',
  };
}

export function createContact(values: ContactFields): Promise<ContactView> {
  return call('contacts.create', {
    name: values.name,
    phone: values.phone,
    ...(values.email ? { email: values.email } : {}),
    tags: values.tags,
    ...(values.followUpDate ? { followUpDate: values.followUpDate } : {}),
  });
}

/** Sends only what changed, so the activity log names the real change. Undefined when nothing did. */
export async function updateContact(contact: ContactView, values: ContactFields): Promise<ContactView | undefined> {
  const email = values.email ?? null;
  const followUpDate = values.followUpDate ?? null;
  const input: ChannelInput<'contacts.update'> = {
    id: contact.id,
    ...(values.name !== (contact.name ?? '') ? { name: values.name } : {}),
    ...(values.phone !== (contact.phone ?? '') ? { phone: values.phone } : {}),
    ...(email !== contact.email ? { email } : {}),
    ...(values.tags.join('\n') !== contact.tags.join('\n') ? { tags: values.tags } : {}),
    ...(followUpDate !== contact.followUpDate ? { followUpDate } : {}),
  };
  if (Object.keys(input).length === 1) return undefined;
  return call('contacts.update', input);
}
