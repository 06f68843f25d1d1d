import { useMemo } from 'react';
import type { ContactView } from '../../../../shared/contacts/types';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormDateField } from '../../forms/FormDateField';
import { FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import { contactForm, contactFormValues, createContact, updateContact } from './contact-form';

/** Adds a contact, or edits one when `contact` is given; the core's phone messages show under the phone. */
export function ContactFormDialog({ contact, onClose, onSaved }: { contact?: ContactView; onClose(): void; onSaved(contact: ContactView): void }) {
  const t = useT();
  const defaults = useMemo(() => contactFormValues(contact), [contact]);
  const form = useContractForm(contactForm, defaults);
  const optional = (label: string) => `${label} (${t('contacts.field.optional')})`;
  const onSubmit = form.submit(async (values) => {
    const saved = contact ? await updateContact(contact, values) : await createContact(values);
    if (saved) onSaved(saved);
  });

  const { pending } = form;
  return (
    <Dialog title={contact ? t('contacts.editTitle', { name: contact.name ?? contact.phone ?? '' }) : t('contacts.createTitle')} onClose={onClose} busy={pending} testId="contact-form-dialog">
      <form noValidate onSubmit={(event) => void onSubmit(event).then((saved) => saved && onClose())} data-testid="contact-form">
        <div className="dialog-body form">
          {form.formMessage ? (
            <Alert tone="error" testId="contact-form-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <FormTextField form={form} name="name" label={t('contacts.field.name')} autoComplete="off" testId="contact-form-name" />
          <div className="field-row">
            <FormTextField form={form} name="phone" type="tel" latin label={t('contacts.field.phone')} hint={t('contacts.field.phoneHint')} autoComplete="off" testId="contact-form-phone" />
            <FormTextField form={form} name="email" type="email" latin label={optional(t('contacts.field.email'))} autoComplete="off" testId="contact-form-email" />
          </div>
          <FormTextField form={form} name="tags" label={optional(t('contacts.field.tags'))} hint={t('contacts.field.tagsHint')} autoComplete="off" testId="contact-form-tags" />
          <FormDateField form={form} name="followUpDate" label={optional(t('contacts.field.followUpDate'))} testId="contact-form-follow-up" />
        </div>
        <FormDialogFooter submitLabel={contact ? t('common.save') : t('contacts.createSubmit')} pending={pending} onCancel={onClose} testIdPrefix="contact-form" />
      </form>
    </Dialog>
  );
}
