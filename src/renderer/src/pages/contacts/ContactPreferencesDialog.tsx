import { useMemo } from 'react';
import type { ContactView } from '../../../../shared/contacts/types';
import { propertyTypes } from '../../../../shared/properties/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormCheckboxGroup } from '../../forms/FormCheckboxGroup';
import { FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { preferencesDefaults, preferencesForm } from './preferences-form';

/** Edits what the contact looks for; saved whole, as the contract takes it. */
export function ContactPreferencesDialog({ contact, onClose, onSaved }: { contact: ContactView; onClose(): void; onSaved(): void }) {
  const t = useT();
  const defaults = useMemo(() => preferencesDefaults(contact.preferences), [contact]);
  const form = useContractForm(preferencesForm, defaults);
  const onSubmit = form.submit(async (preferences) => {
    await call('contacts.update', { id: contact.id, preferences });
    onSaved();
    onClose();
  });
  const typeOptions = propertyTypes.map((type) => ({ value: type, label: t(`propertyType.${type}`) }));
  return (
    <Dialog title={t('contactPrefs.dialogTitle', { name: isolate(contact.name ?? contact.phone ?? '') })} onClose={onClose} busy={form.pending} testId="contact-preferences">
      <form noValidate onSubmit={onSubmit}>
        <div className="dialog-body form">
          {form.formMessage ? (
            <Alert tone="error" testId="contact-preferences-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <p className="field-hint">{t('contactPrefs.hint')}</p>
          <div className="field-row">
            <FormTextField form={form} name="budgetMin" label={t('contactField.budgetMin')} hint={t('contactPrefs.budgetHint')} inputMode="decimal" latin autoComplete="off" testId="contact-preferences-budget-min" />
            <FormTextField form={form} name="budgetMax" label={t('contactField.budgetMax')} inputMode="decimal" latin autoComplete="off" testId="contact-preferences-budget-max" />
          </div>
          <FormTextField form={form} name="city" label={t('contactField.city')} autoComplete="off" testId="contact-preferences-city" />
          <FormTextField form={form} name="districts" label={t('contactField.districts')} hint={t('contactPrefs.districtsHint')} autoComplete="off" testId="contact-preferences-districts" />
          <FormCheckboxGroup form={form} name="propertyTypes" label={t('contactField.propertyTypes')} options={typeOptions} testId="contact-preferences-types" />
          <FormTextField form={form} name="bedrooms" label={t('contactField.bedrooms')} inputMode="numeric" latin autoComplete="off" testId="contact-preferences-bedrooms" />
        </div>
        <FormDialogFooter submitLabel={t('contactPrefs.save')} pending={form.pending} onCancel={onClose} testIdPrefix="contact-preferences" />
      </form>
    </Dialog>
  );
}
