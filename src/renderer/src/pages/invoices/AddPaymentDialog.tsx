import { useMemo } from 'react';
import { addPaymentInput } from '../../../../shared/invoices/schemas';
import { paymentMethods, type InvoiceDetail } from '../../../../shared/invoices/types';
import { moneyFieldText } from '../../../../shared/money';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { officeDay } from '../../format/dates';
import { FormDateField } from '../../forms/FormDateField';
import { FormSelectField, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';

const paymentForm = addPaymentInput.omit({ id: true });

/** Records a payment on an issued document (supervisors and admins); the amount starts at what is still owed. */
export function AddPaymentDialog({ invoice, onClose }: { invoice: InvoiceDetail; onClose(): void }) {
  const t = useT();
  const defaults = useMemo(() => ({ paidOn: officeDay(new Date()), amount: moneyFieldText(invoice.total - invoice.paid), method: 'bank_transfer' as const, reference: '' }), [invoice]);
  const form = useContractForm(paymentForm, defaults);
  const onSubmit = form.submit(async (values) => {
    await call('invoices.addPayment', { ...values, id: invoice.id });
    onClose();
  });
  return (
    <Dialog title={t('invoices.addPayment')} onClose={onClose} busy={form.pending} testId="invoice-payment">
      <form noValidate onSubmit={onSubmit}>
        <div className="dialog-body form">
          {form.formMessage ? (
            <Alert tone="error" testId="invoice-payment-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <FormDateField form={form} name="paidOn" label={t('invoices.payment.paidOn')} testId="invoice-payment-paid-on" />
          <FormTextField form={form} name="amount" label={t('invoices.payment.amount')} inputMode="decimal" latin autoComplete="off" testId="invoice-payment-amount" />
          <FormSelectField form={form} name="method" label={t('invoices.payment.method')} options={paymentMethods.map((m) => ({ value: m, label: t(`invoices.method.${m}`) }))} testId="invoice-payment-method" />
          <FormTextField form={form} name="reference" label={t('invoices.payment.reference')} latin testId="invoice-payment-reference" />
        </div>
        <FormDialogFooter submitLabel={t('invoices.payment.save')} pending={form.pending} onCancel={onClose} testIdPrefix="invoice-payment" />
      </form>
    </Dialog>
  );
}
