import { useState } from 'react';
import { officeTaxSchema, type OfficeTaxSettings } from '../../../../shared/office/tax';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { SubmitButton } from '../../components/SubmitButton';
import { FormCheckbox, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';

/** Settings → Office → VAT: the seller as invoices print it; the Arabic name is held to the QR's 127 bytes as it is typed. */
export function OfficeTaxForm({ tax }: { tax: OfficeTaxSettings }) {
  const t = useT();
  const office = useOfficeFormat();
  const form = useContractForm(officeTaxSchema, tax);
  const [saved, setSaved] = useState(false);
  const onSubmit = form.submit(async (values) => {
    form.reset(await call('office.updateTax', values));
  });
  return (
    <form
      className="card form-card office-section"
      noValidate
      onSubmit={(event) => {
        setSaved(false);
        void onSubmit(event).then(setSaved);
      }}
      onChange={() => setSaved(false)}
      data-testid="office-tax-form"
    >
      <h2 className="card-title">{t('office.tax.title')}</h2>
      <p className="muted">{t('office.tax.intro')}</p>
      {form.formMessage ? (
        <Alert tone="error" testId="office-tax-error">
          {form.formMessage}
        </Alert>
      ) : null}
      <FormCheckbox form={form} name="vatRegistered" label={t('office.tax.vatRegistered')} testId="office-tax-registered" />
      <div className="field-row">
        <FormTextField form={form} name="sellerNameAr" label={t('office.tax.sellerNameAr')} hint={t('office.tax.sellerNameHint')} testId="office-tax-seller-ar" />
        <FormTextField form={form} name="sellerNameEn" label={t('office.tax.sellerNameEn')} latin testId="office-tax-seller-en" />
      </div>
      <FormTextField form={form} name="vatNumber" label={t('office.tax.vatNumber')} inputMode="numeric" latin testId="office-tax-vat-number" />
      <ul className="muted">
        {tax.vatRates.map((r) => (
          <li key={r.from}>{t('office.tax.rate', { date: office.formatDay(r.from), rate: String(r.basisPoints / 100) })}</li>
        ))}
      </ul>
      <div className="form-actions">
        <SubmitButton label={t('office.tax.save')} pending={form.pending} testId="office-tax-save" />
        {saved ? (
          <span className="office-saved" role="status" data-testid="office-tax-saved">
            {t('office.tax.saved')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
