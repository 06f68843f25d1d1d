import type { InvoiceView } from '../../../../shared/invoices/types';
import { formatMoney } from '../../../../shared/money';
import { Badge } from '../../components/Badge';
import { useOfficeFormat } from '../../format/use-office-format';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { numberLabel, paymentTone } from './invoice-format';

/** Every row is this tall: the list places rows by arithmetic, never by measuring. */
export const invoiceRowHeight = 72;

/** One document in the list: number or "draft", kind, buyer, date, total, status and payment. */
export function InvoiceRow({ invoice, selected, onSelect }: { invoice: InvoiceView; selected: boolean; onSelect(): void }) {
  const t = useT();
  const language = useLanguageStore((s) => s.language);
  const office = useOfficeFormat();
  return (
    <button
      type="button"
      className={`invoice-row${selected ? ' invoice-row-selected' : ''}`}
      style={{ blockSize: invoiceRowHeight }}
      onClick={onSelect}
      aria-current={selected ? 'true' : undefined}
      data-testid={`invoice-row-${invoice.id}`}
      data-status={invoice.status}
    >
      <span className="invoice-row-head">
        <span className="invoice-number">
          <bdi>{numberLabel(t, invoice)}</bdi>
        </span>
        <span className="muted">{t(`invoices.kind.${invoice.kind}`)}</span>
        <span className="invoice-row-total">
          <bdi>{formatMoney(invoice.total, language, office.prefs.digits)}</bdi>
        </span>
      </span>
      <span className="invoice-row-foot">
        <span className="invoice-buyer">
          <bdi>{invoice.buyerName}</bdi>
        </span>
        <span className="muted">{office.formatDate(invoice.issuedAt ?? invoice.createdAt)}</span>
        {invoice.status === 'draft' ? (
          <Badge tone="gray">{t('invoices.status.draft')}</Badge>
        ) : (
          <Badge tone={paymentTone[invoice.paymentStatus]}>{t(`invoices.payment.${invoice.paymentStatus}`)}</Badge>
        )}
      </span>
    </button>
  );
}
