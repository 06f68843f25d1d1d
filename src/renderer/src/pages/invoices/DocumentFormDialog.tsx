import type { FormEvent, ReactNode } from 'react';
import type { OfficeTaxSettings } from '../../../../shared/office/tax';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormTextAreaField } from '../../forms/FormFields';
import type { ContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import { LineRows } from './LineRows';
import { LiveTotals } from './LiveTotals';

type AnyForm = Pick<ContractForm<never>, 'errorOf' | 'formMessage' | 'pending'> & { control: unknown };

/**
 * What every document editor shares — a new invoice, a saved draft, a credit or debit note: the
 * form's error, the office's VAT state, the lines, the live totals, the notes and the footer.
 * Each editor puts its own fields (`children`) above the lines.
 */
export function DocumentFormDialog({
  title,
  form,
  tax,
  onSubmit,
  onClose,
  showVatState = true,
  children,
}: {
  title: string;
  /** A note follows its invoice, so it does not repeat the office's VAT state. */
  showVatState?: boolean;
  form: AnyForm;
  tax: OfficeTaxSettings;
  onSubmit: (event?: FormEvent) => unknown;
  onClose(): void;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <Dialog title={title} onClose={onClose} busy={form.pending} size="large" testId="invoice-editor">
      <form noValidate onSubmit={(event) => void onSubmit(event)}>
        <div className="dialog-body form">
          {form.formMessage ? (
            <Alert tone="error" testId="invoice-editor-error">
              {form.formMessage}
            </Alert>
          ) : null}
          {tax.vatRegistered || !showVatState ? null : (
            <Alert tone="info" testId="invoice-not-registered">
              {t('invoices.notRegistered')}
            </Alert>
          )}
          {children}
          <LineRows form={form} vatRegistered={tax.vatRegistered} />
          <LiveTotals control={form.control} tax={tax} />
          <FormTextAreaField form={form} name="notes" label={t('invoices.field.notes')} rows={2} testId="invoice-notes" />
        </div>
        <FormDialogFooter submitLabel={t('invoices.saveDraft')} pending={form.pending} onCancel={onClose} testIdPrefix="invoice-editor" />
      </form>
    </Dialog>
  );
}
