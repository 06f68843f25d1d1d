import { useMemo } from 'react';
import type { OfferView } from '../../../../shared/offers/types';
import { moneyFieldText } from '../../../../shared/money';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { officeDay } from '../../format/dates';
import { FormDateField } from '../../forms/FormDateField';
import { FormSelectField, FormTextAreaField, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { counterOfferForm } from './offer-forms';

/** A counter by either side: the amount now on the table, its terms and (if moved) its last day. */
export function CounterOfferDialog({ offer, onClose }: { offer: OfferView; onClose(): void }) {
  const t = useT();
  // After the customer moved the office answers, and the other way round.
  const defaults = useMemo(
    () => ({ by: offer.awaiting === 'customer' ? ('customer' as const) : ('office' as const), amount: moneyFieldText(offer.amount), terms: offer.terms ?? '', validUntil: offer.validUntil }),
    [offer],
  );
  const form = useContractForm(counterOfferForm, defaults);
  const fields = form;
  const onSubmit = form.submit(async (values) => {
    await call('offers.counter', { ...values, id: offer.id });
    onClose();
  });
  return (
    <Dialog title={t('offers.counterTitle', { property: isolate(offer.propertyName) })} onClose={onClose} busy={form.pending} testId="counter-offer">
      <form noValidate onSubmit={onSubmit}>
        <div className="dialog-body form">
          {form.formMessage ? (
            <Alert tone="error" testId="counter-offer-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <FormSelectField
            form={fields}
            name="by"
            label={t('offers.field.by')}
            options={[
              { value: 'office', label: t('offers.by.office') },
              { value: 'customer', label: t('offers.by.customer') },
            ]}
            testId="counter-offer-by"
          />
          <FormTextField form={fields} name="amount" label={t('offers.field.amount')} hint={t('offers.field.amountHint')} inputMode="decimal" latin autoComplete="off" testId="counter-offer-amount" />
          <FormDateField form={form} name="validUntil" label={t('offers.field.validUntil')} min={officeDay(new Date())} testId="counter-offer-valid-until" />
          <FormTextAreaField form={fields} name="terms" label={t('offers.field.terms')} rows={2} testId="counter-offer-terms" />
        </div>
        <FormDialogFooter submitLabel={t('offers.counter')} pending={form.pending} onCancel={onClose} testIdPrefix="counter-offer" />
      </form>
    </Dialog>
  );
}
