import { useCallback, useMemo, useState } from 'react';
import type { BrokeragePrefill, InvoiceDetail, NoteKind } from '../../../../shared/invoices/types';
import { moneyFieldText } from '../../../../shared/money';
import { call } from '../../api/client';
import { FormSelectField, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useQuery } from '../../hooks/use-query';
import { useT } from '../../i18n/use-t';
import { BrokerageHelper } from './BrokerageHelper';
import { DocumentFormDialog } from './DocumentFormDialog';
import { emptyLine, invoiceDraftForm, invoiceNoteForm, invoiceUpdateForm, linesOf } from './invoice-forms';
import { numberLabel } from './invoice-format';
import { useOfficeTax } from './use-office-tax';

/** What the editor opens on: a new invoice (perhaps for an offer), a saved draft, or a note on an issued invoice. */
export type EditorTarget = { mode: 'new'; offerId?: number } | { mode: 'edit'; draft: InvoiceDetail } | { mode: 'note'; original: InvoiceDetail; kind: NoteKind };

export function InvoiceEditorDialog({ target, onClose, onSaved }: { target: EditorTarget; onClose(): void; onSaved(id: number): void }) {
  const tax = useOfficeTax();
  if (!tax.data) return null;
  if (target.mode === 'new') return <NewInvoice offerId={target.offerId} tax={tax.data} onClose={onClose} onSaved={onSaved} />;
  if (target.mode === 'edit') return <EditDraft draft={target.draft} tax={tax.data} onClose={onClose} onSaved={onSaved} />;
  return <NewNote original={target.original} kind={target.kind} tax={tax.data} onClose={onClose} onSaved={onSaved} />;
}

type Tax = NonNullable<ReturnType<typeof useOfficeTax>['data']>;
interface Props {
  tax: Tax;
  onClose(): void;
  onSaved(id: number): void;
}

function NewInvoice({ offerId, tax, onClose, onSaved }: Props & { offerId?: number | undefined }) {
  const t = useT();
  const defaults = useMemo(() => ({ contactId: '', offerId: '', buyerName: '', buyerVatNumber: '', notes: '', lines: [{ ...emptyLine }] }), []);
  const form = useContractForm(invoiceDraftForm, defaults);
  const loadContacts = useCallback(() => call('contacts.list', { limit: 200 }), []);
  const contacts = useQuery(loadContacts);
  const [prefilled, setPrefilled] = useState<BrokeragePrefill | null>(null);
  const options = [{ value: '', label: t('invoices.chooseContact') }, ...(contacts.data?.data ?? []).map((c) => ({ value: String(c.id), label: c.name ?? c.phone ?? String(c.id) }))];
  if (prefilled && !options.some((o) => o.value === String(prefilled.contactId))) options.push({ value: String(prefilled.contactId), label: prefilled.buyerName });
  const fill = (p: BrokeragePrefill) => {
    setPrefilled(p);
    form.reset({
      ...form.getValues(),
      contactId: String(p.contactId),
      offerId: String(p.offerId),
      buyerName: p.buyerName,
      lines: [{ ...p.line, descriptionEn: p.line.descriptionEn, unitPrice: moneyFieldText(p.line.unitPrice), exemptionReason: '' }],
    } as never);
  };
  const onSubmit = form.submit(async (values) => {
    const saved = await call('invoices.createDraft', values);
    onSaved(saved.id);
  });
  return (
    <DocumentFormDialog title={t('invoices.new')} form={form} tax={tax} onSubmit={onSubmit} onClose={onClose}>
      <BrokerageHelper initialOfferId={offerId} onFill={fill} />
      <div className="field-row">
        <FormSelectField form={form} name="contactId" label={t('invoices.contact')} options={options} testId="invoice-contact" />
        <FormTextField form={form} name="buyerName" label={t('invoices.field.buyerName')} testId="invoice-buyer-name" />
      </div>
      <FormTextField form={form} name="buyerVatNumber" label={t('invoices.field.buyerVatNumber')} hint={t('invoices.field.buyerVatHint')} inputMode="numeric" latin testId="invoice-buyer-vat" />
    </DocumentFormDialog>
  );
}

function EditDraft({ draft, tax, onClose, onSaved }: Props & { draft: InvoiceDetail }) {
  const t = useT();
  const isNote = draft.kind !== 'invoice';
  const defaults = useMemo(
    () => ({
      ...(isNote ? { reason: draft.reason ?? '' } : { buyerName: draft.buyerName, buyerVatNumber: draft.buyerVatNumber ?? '' }),
      notes: draft.notes ?? '',
      lines: linesOf(draft),
    }),
    [draft, isNote],
  );
  const form = useContractForm(invoiceUpdateForm, defaults);
  const onSubmit = form.submit(async (values) => {
    const saved = await call('invoices.updateDraft', { ...values, id: draft.id });
    onSaved(saved.id);
  });
  return (
    <DocumentFormDialog title={`${t(`invoices.kind.${draft.kind}`)} — ${numberLabel(t, draft)}`} form={form} tax={tax} onSubmit={onSubmit} onClose={onClose}>
      {isNote ? (
        <FormTextField form={form} name="reason" label={t('invoices.field.reason')} testId="invoice-reason" />
      ) : (
        <div className="field-row">
          <FormTextField form={form} name="buyerName" label={t('invoices.field.buyerName')} testId="invoice-buyer-name" />
          <FormTextField form={form} name="buyerVatNumber" label={t('invoices.field.buyerVatNumber')} hint={t('invoices.field.buyerVatHint')} inputMode="numeric" latin testId="invoice-buyer-vat" />
        </div>
      )}
    </DocumentFormDialog>
  );
}

function NewNote({ original, kind, tax, onClose, onSaved }: Props & { original: InvoiceDetail; kind: NoteKind }) {
  const t = useT();
  const defaults = useMemo(() => ({ reason: '', notes: '', lines: kind === 'credit_note' ? linesOf(original) : [{ ...emptyLine }] }), [original, kind]);
  const form = useContractForm(invoiceNoteForm, defaults);
  const onSubmit = form.submit(async (values) => {
    const saved = await call('invoices.createNote', { ...values, originalId: original.id, kind });
    onSaved(saved.id);
  });
  return (
    <DocumentFormDialog title={`${t(`invoices.kind.${kind}`)} — ${t('invoices.original', { number: numberLabel(t, original) })}`} form={form} tax={tax} onSubmit={onSubmit} onClose={onClose} showVatState={false}>
      <FormTextField form={form} name="reason" label={t('invoices.field.reason')} testId="invoice-reason" />
    </DocumentFormDialog>
  );
}
