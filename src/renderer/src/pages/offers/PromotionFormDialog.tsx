import { useMemo } from 'react';
import type { PromotionView } from '../../../../shared/offers/types';
import { createPromotionInput } from '../../../../shared/offers/schemas';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { officeDay } from '../../format/dates';
import { FormDateField } from '../../forms/FormDateField';
import { FormTextAreaField, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import { addDays } from './offer-format';

/** Adds a promotion, or changes one: every field is sent, checked by the create schema (the ends in order). */
export function PromotionFormDialog({ promotion, onClose }: { promotion?: PromotionView; onClose(): void }) {
  const t = useT();
  const defaults = useMemo(() => {
    const today = officeDay(new Date());
    return promotion
      ? { name: promotion.name, detailsAr: promotion.detailsAr, detailsEn: promotion.detailsEn ?? '', validFrom: promotion.validFrom, validUntil: promotion.validUntil }
      : { name: '', detailsAr: '', detailsEn: '', validFrom: today, validUntil: addDays(today, 30) };
  }, [promotion]);
  const form = useContractForm(createPromotionInput, defaults);
  const fields = form;
  const onSubmit = form.submit(async (values) => {
    await (promotion ? call('promotions.update', { ...values, id: promotion.id }) : call('promotions.create', values));
    onClose();
  });
  return (
    <Dialog title={t(promotion ? 'promotions.editTitle' : 'promotions.createTitle')} onClose={onClose} busy={form.pending} testId="promotion-form">
      <form noValidate onSubmit={onSubmit}>
        <div className="dialog-body form">
          {form.formMessage ? (
            <Alert tone="error" testId="promotion-form-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <FormTextField form={fields} name="name" label={t('promotions.field.name')} autoComplete="off" testId="promotion-name" />
          <FormTextAreaField form={fields} name="detailsAr" label={t('promotions.field.detailsAr')} rows={2} testId="promotion-details-ar" />
          <FormTextAreaField form={fields} name="detailsEn" label={t('promotions.field.detailsEn')} rows={2} testId="promotion-details-en" />
          <FormDateField form={form} name="validFrom" label={t('promotions.field.validFrom')} testId="promotion-valid-from" />
          <FormDateField form={form} name="validUntil" label={t('promotions.field.validUntil')} testId="promotion-valid-until" />
        </div>
        <FormDialogFooter submitLabel={t('promotions.save')} pending={form.pending} onCancel={onClose} testIdPrefix="promotion-form" />
      </form>
    </Dialog>
  );
}
