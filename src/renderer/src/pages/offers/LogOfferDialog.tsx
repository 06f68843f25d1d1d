import { useMemo } from 'react';
import type { PropertyInterestView } from '../../../../shared/properties/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { officeDay } from '../../format/dates';
import { FormDateField } from '../../forms/FormDateField';
import { FormSelectField, FormTextAreaField, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import { addDays } from './offer-format';
import { logOfferForm } from './offer-forms';

/** From the conversation's side panel: the customer's offer on one of the properties they are interested in. */
export function LogOfferDialog({ conversationId, interests, onClose }: { conversationId: number; interests: readonly PropertyInterestView[]; onClose(): void }) {
  const t = useT();
  const today = officeDay(new Date());
  const defaults = useMemo(
    () => ({ propertyId: interests.length === 1 ? String(interests[0]!.property.id) : '', amount: '', terms: '', validUntil: addDays(today, 7) }),
    [interests, today],
  );
  const form = useContractForm(logOfferForm, defaults);
  const fields = form;
  const options = [{ value: '', label: t('offers.pickProperty') }, ...interests.map((i) => ({ value: String(i.property.id), label: i.property.name }))];
  const onSubmit = form.submit(async (values) => {
    await call('offers.create', { ...values, conversationId });
    onClose();
  });
  return (
    <Dialog title={t('offers.logTitle')} onClose={onClose} busy={form.pending} testId="log-offer">
      <form noValidate onSubmit={onSubmit}>
        <div className="dialog-body form">
          {form.formMessage ? (
            <Alert tone="error" testId="log-offer-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <FormSelectField form={fields} name="propertyId" label={t('offers.field.property')} options={options} testId="log-offer-property" />
          <FormTextField form={fields} name="amount" label={t('offers.field.amount')} hint={t('offers.field.amountHint')} inputMode="decimal" latin autoComplete="off" testId="log-offer-amount" />
          <FormDateField form={form} name="validUntil" label={t('offers.field.validUntil')} min={today} testId="log-offer-valid-until" />
          <FormTextAreaField form={fields} name="terms" label={t('offers.field.terms')} rows={2} testId="log-offer-terms" />
        </div>
        <FormDialogFooter submitLabel={t('offers.log')} pending={form.pending} onCancel={onClose} testIdPrefix="log-offer" />
      </form>
    </Dialog>
  );
}
