import { useState, type FormEvent } from 'react';
import type { ContactView } from '../../../../shared/contacts/types';
import { Alert } from '../../components/Alert';
import { DateField } from '../../components/DateField';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { TextField } from '../../components/TextField';
import { useSubmit } from '../../hooks/use-submit';
import { useT } from '../../i18n/use-t';
import { contactFormValues, createContact, updateContact, type ContactFormValues } from './contact-form';

const fields = ['name', 'phone', 'email', 'tags', 'followUpDate'] as const;

/** Adds a contact, or edits one when `contact` is given; the core's phone messages show under the phone. */
export function ContactFormDialog({ contact, onClose, onSaved }: { contact?: ContactView; onClose(): void; onSaved(contact: ContactView): void }) {
  const t = useT();
  const [values, setValues] = useState<ContactFormValues>(() => contactFormValues(contact));
  const submission = useSubmit(fields);
  const set = (field: keyof ContactFormValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const optional = (label: string) => `${label} (${t('contacts.field.optional')})`;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    let saved: ContactView | undefined;
    const ok = await submission.run(async () => {
      saved = contact ? await updateContact(contact, values) : await createContact(values);
    });
    if (!ok) return;
    if (saved) onSaved(saved);
    onClose();
  }

  const { shown, pending } = submission;
  return (
    <Dialog title={contact ? t('contacts.editTitle', { name: contact.name ?? contact.phone ?? '' }) : t('contacts.createTitle')} onClose={onClose} busy={pending} testId="contact-form-dialog">
      <form noValidate onSubmit={onSubmit} data-testid="contact-form">
        <div className="dialog-body form">
          {shown.formMessage ? (
            <Alert tone="error" testId="contact-form-error">
              {shown.formMessage}
            </Alert>
          ) : null}
          <TextField name="name" label={t('contacts.field.name')} value={values.name} onChange={set('name')} error={shown.fields.name} autoComplete="off" testId="contact-form-name" />
          <div className="field-row">
            <TextField
              name="phone"
              type="tel"
              latin
              label={t('contacts.field.phone')}
              hint={t('contacts.field.phoneHint')}
              value={values.phone}
              onChange={set('phone')}
              error={shown.fields.phone}
              autoComplete="off"
              testId="contact-form-phone"
            />
            <TextField name="email" type="email" latin label={optional(t('contacts.field.email'))} value={values.email} onChange={set('email')} error={shown.fields.email} autoComplete="off" testId="contact-form-email" />
          </div>
          <TextField
            name="tags"
            label={optional(t('contacts.field.tags'))}
            hint={t('contacts.field.tagsHint')}
            value={values.tags}
            onChange={set('tags')}
            error={shown.fields.tags}
            autoComplete="off"
            testId="contact-form-tags"
          />
          <DateField
            name="followUpDate"
            label={optional(t('contacts.field.followUpDate'))}
            value={values.followUpDate}
            onChange={set('followUpDate')}
            error={shown.fields.followUpDate}
            testId="contact-form-follow-up"
          />
        </div>
        <FormDialogFooter submitLabel={contact ? t('common.save') : t('contacts.createSubmit')} pending={pending} onCancel={onClose} testIdPrefix="contact-form" />
      </form>
    </Dialog>
  );
}
