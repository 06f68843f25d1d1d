import { useState } from 'react';
import type { Role } from '../../../../shared/domain';
import { documentNumberText, type InvoiceDetail } from '../../../../shared/invoices/types';
import { formatMoney } from '../../../../shared/money';
import { call, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Badge } from '../../components/Badge';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { officeFormat } from '../../format/office-format';
import { useOfficeFormat } from '../../format/use-office-format';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { QrCode } from '../numbers/QrCode';
import { canIssueInvoices } from '../shell/access';
import { AddPaymentDialog } from './AddPaymentDialog';
import { actionErrorText, numberLabel, paymentTone } from './invoice-format';
import type { EditorTarget } from './InvoiceEditorDialog';
import { TotalsTable } from './TotalsTable';
import { downloadPdf } from './download-pdf';

/** One document as issued (or as it stands, a draft): seller, buyer, dates in both calendars, lines, totals per VAT category, QR, payments and what may be done next. */
export function InvoiceDetailPanel({ invoice, role, onEdit, onDeleted }: { invoice: InvoiceDetail; role: Role; onEdit(target: EditorTarget): void; onDeleted(): void }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const office = useOfficeFormat();
  const both = officeFormat(language, { ...office.prefs, calendar: 'both' });
  const money = (amount: number) => <bdi>{formatMoney(amount, language, office.prefs.digits)}</bdi>;
  const [confirm, setConfirm] = useState<'issue' | 'delete' | null>(null);
  const [paying, setPaying] = useState(false);
  const [pending, setPending] = useState(false);
  const [sentNote, setSentNote] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const manager = canIssueInvoices(role);
  const isDraft = invoice.status === 'draft';
  const vatShown = invoice.type !== 'plain';

  const act = (action: () => Promise<unknown>, after?: () => void) => {
    setPending(true);
    setError(null);
    action().then(
      () => {
        setPending(false);
        setConfirm(null);
        after?.();
      },
      (thrown: unknown) => {
        setPending(false);
        setError(actionErrorText(t, toApiError(thrown)));
      },
    );
  };

  return (
    <article className="card invoice-detail" data-testid="invoice-detail" data-status={invoice.status}>
      <header className="invoice-detail-head">
        <h2 className="card-title">
          {t(`invoices.type.${invoice.type}`)}
          {invoice.kind !== 'invoice' ? ` — ${t(`invoices.kind.${invoice.kind}`)}` : null} <bdi data-testid="invoice-number">{numberLabel(t, invoice)}</bdi>
        </h2>
        {isDraft ? <Badge tone="gray">{t('invoices.status.draft')}</Badge> : <Badge tone={paymentTone[invoice.paymentStatus]} testId="invoice-payment-status">{t(`invoices.payment.${invoice.paymentStatus}`)}</Badge>}
      </header>
      {error && !confirm ? (
        <Alert tone="error" testId="invoice-action-error">
          {error}
        </Alert>
      ) : null}
      <div className="invoice-parties">
        <section data-testid="invoice-seller">
          <h3>{t('invoices.seller')}</h3>
          <p>
            <bdi>{invoice.seller.nameAr}</bdi>
            {invoice.seller.nameEn ? (
              <>
                <br />
                <bdi>{invoice.seller.nameEn}</bdi>
              </>
            ) : null}
          </p>
          {invoice.seller.vatNumber ? <p className="muted">{t('invoices.vatNumber')}: <bdi>{invoice.seller.vatNumber}</bdi></p> : null}
          {invoice.seller.crNumber ? <p className="muted">{t('invoices.crNumber')}: <bdi>{invoice.seller.crNumber}</bdi></p> : null}
          {invoice.seller.falLicenceNumber ? <p className="muted">{t('invoices.falNumber')}: <bdi>{invoice.seller.falLicenceNumber}</bdi></p> : null}
        </section>
        <section data-testid="invoice-buyer">
          <h3>{t('invoices.buyer')}</h3>
          <p>
            <bdi>{invoice.buyerName}</bdi>
          </p>
          {invoice.buyerVatNumber ? <p className="muted">{t('invoices.vatNumber')}: <bdi>{invoice.buyerVatNumber}</bdi></p> : null}
        </section>
        <section>
          <h3>{t('invoices.col.date')}</h3>
          <p data-testid="invoice-date">{both.formatDateTime(invoice.issuedAt ?? invoice.createdAt)}</p>
          {invoice.issuedByName ? <p className="muted">{t('invoices.issuedBy', { name: invoice.issuedByName })}</p> : null}
          {invoice.originalId ? <p className="muted">{t('invoices.original', { number: documentNumberText('invoice', invoice.originalNumber) ?? '' })}</p> : null}
          {invoice.reason ? <p>{invoice.reason}</p> : null}
        </section>
      </div>

      <table className="table invoice-lines-table" data-testid="invoice-lines-table">
        <thead>
          <tr>
            <th>{t('invoices.col.description')}</th>
            <th>{t('invoices.line.quantity')}</th>
            <th>{t('invoices.line.unitPrice')}</th>
            {vatShown ? <th>{t('invoices.line.vatCategory')}</th> : null}
            <th>{t('invoices.line.net')}</th>
          </tr>
        </thead>
        <tbody>
          {invoice.lines.map((line) => (
            <tr key={line.id}>
              <td>
                <bdi>{line.descriptionAr}</bdi>
                {line.descriptionEn ? (
                  <span className="muted invoice-line-en" lang="en" dir="ltr">
                    {line.descriptionEn}
                  </span>
                ) : null}
                {line.exemptionReason ? <span className="muted invoice-line-en">{line.exemptionReason}</span> : null}
              </td>
              <td>
                <bdi>{line.quantity}</bdi>
              </td>
              <td>{money(line.unitPrice)}</td>
              {vatShown ? <td>{t(`invoices.category.${line.vatCategory}`)}</td> : null}
              <td>{money(line.net)}</td>
            </tr>
          ))}
        </tbody>
      </table>

      <div className="invoice-bottom">
        <TotalsTable totals={invoice.totals} vatRegistered={vatShown} testId="invoice-totals" />
        {invoice.qr ? (
          <figure className="invoice-qr" data-testid="invoice-qr" data-payload={invoice.qr}>
            <QrCode value={invoice.qr} alt={t('invoices.qrAlt', { number: numberLabel(t, invoice) })} />
            <figcaption className="muted">{t('invoices.qr')}</figcaption>
          </figure>
        ) : null}
      </div>
      {invoice.notes ? <p className="invoice-notes">{invoice.notes}</p> : null}

      {!isDraft ? (
        <section className="invoice-payments" data-testid="invoice-payments">
          <h3>{t('invoices.payments')}</h3>
          {invoice.payments.length === 0 ? <p className="muted">{t('invoices.noPayments')}</p> : null}
          <ul>
            {invoice.payments.map((p) => (
              <li key={p.id}>
                {office.formatDay(p.paidOn)} — {money(p.amount)} — {t(`invoices.method.${p.method}`)}
                {p.reference ? <bdi> ({p.reference})</bdi> : null}
              </li>
            ))}
          </ul>
          <p>
            {t('invoices.totals.paid')}: {money(invoice.paid)} · {t('invoices.totals.due')}: {money(invoice.total - invoice.paid)}
          </p>
          {invoice.notesCiting.length > 0 ? (
            <p className="muted">
              {t('invoices.notesCiting')}: {invoice.notesCiting.map((n) => `${documentNumberText(n.kind, n.number) ?? ''} (${formatMoney(n.total, language, office.prefs.digits)})`).join('، ')}
            </p>
          ) : null}
        </section>
      ) : null}

      <div className="form-actions invoice-actions">
        {isDraft ? (
          <>
            <button type="button" className="button button-secondary" onClick={() => onEdit({ mode: 'edit', draft: invoice })} data-testid="invoice-edit">
              {t('invoices.edit')}
            </button>
            <button type="button" className="button button-danger" onClick={() => setConfirm('delete')} data-testid="invoice-delete">
              {t('invoices.deleteDraft')}
            </button>
            {manager ? (
              <button type="button" className="button button-primary" onClick={() => setConfirm('issue')} data-testid="invoice-issue">
                {t('invoices.issue')}
              </button>
            ) : null}
          </>
        ) : (
          <>
            {manager && invoice.paid < invoice.total ? (
              <button type="button" className="button button-primary" onClick={() => setPaying(true)} data-testid="invoice-add-payment">
                {t('invoices.addPayment')}
              </button>
            ) : null}
            <button type="button" className="button button-secondary" disabled={pending} onClick={() => act(async () => downloadPdf(await call('invoices.pdf', { id: invoice.id })))} data-testid="invoice-pdf">
              {t('invoices.pdf')}
            </button>
            {invoice.contactId !== null ? (
              <button type="button" className="button button-secondary" disabled={pending} onClick={() => act(() => call('invoices.sendToChat', { id: invoice.id }), () => setSentNote(true))} data-testid="invoice-send">
                {t('invoices.sendToChat')}
              </button>
            ) : null}
            {invoice.kind === 'invoice' ? (
              <>
                <button type="button" className="button button-secondary" onClick={() => onEdit({ mode: 'note', original: invoice, kind: 'credit_note' })} data-testid="invoice-credit-note">
                  {t('invoices.creditNote')}
                </button>
                <button type="button" className="button button-secondary" onClick={() => onEdit({ mode: 'note', original: invoice, kind: 'debit_note' })} data-testid="invoice-debit-note">
                  {t('invoices.debitNote')}
                </button>
              </>
            ) : null}
          </>
        )}
      </div>
      {sentNote ? (
        <Alert tone="success" testId="invoice-sent">
          {t('invoices.sent')}
        </Alert>
      ) : null}
      {invoice.hash ? (
        <p className="muted invoice-hash">
          {t('invoices.hash')}: <code dir="ltr">{invoice.hash}</code>
        </p>
      ) : null}

      {confirm === 'issue' ? (
        <ConfirmDialog
          title={t('invoices.issueTitle')}
          message={t('invoices.issueConfirm', { total: formatMoney(invoice.total, language, office.prefs.digits) })}
          confirmLabel={t('invoices.issue')}
          pending={pending}
          error={error}
          onConfirm={() => act(() => call('invoices.issue', { id: invoice.id }))}
          onCancel={() => (setConfirm(null), setError(null))}
        />
      ) : null}
      {confirm === 'delete' ? (
        <ConfirmDialog
          title={t('invoices.deleteDraft')}
          message={t('invoices.deleteConfirm')}
          confirmLabel={t('invoices.deleteDraft')}
          danger
          pending={pending}
          error={error}
          onConfirm={() => act(() => call('invoices.deleteDraft', { id: invoice.id }), onDeleted)}
          onCancel={() => (setConfirm(null), setError(null))}
        />
      ) : null}
      {paying ? <AddPaymentDialog invoice={invoice} onClose={() => setPaying(false)} /> : null}
    </article>
  );
}
