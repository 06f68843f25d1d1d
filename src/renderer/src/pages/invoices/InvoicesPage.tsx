import { useCallback, useEffect, useMemo, useState } from 'react';
import { documentStatuses, paymentStatuses, type DocumentStatus, type InvoiceDetail, type PaymentStatus } from '../../../../shared/invoices/types';
import type { PublicUser } from '../../../../shared/users/types';
import { call, onEvent, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { DateField } from '../../components/DateField';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { SelectField } from '../../components/SelectField';
import { VirtualList } from '../../components/VirtualList';
import { useT } from '../../i18n/use-t';
import { canIssueInvoices } from '../shell/access';
import { actionErrorText } from './invoice-format';
import { InvoiceArchiveDialog } from './InvoiceArchiveDialog';
import { InvoiceDetailPanel } from './InvoiceDetailPanel';
import { InvoiceEditorDialog, type EditorTarget } from './InvoiceEditorDialog';
import { InvoiceRow, invoiceRowHeight } from './InvoiceRow';
import { useInvoices, type InvoiceFilters } from './use-invoices';

interface Filters {
  status: DocumentStatus | '';
  paymentStatus: PaymentStatus | '';
  from: string;
  to: string;
}
const noFilters: Filters = { status: '', paymentStatus: '', from: '', to: '' };

/** Invoices, credit and debit notes: the list (virtualised, filtered by status, payment and date) beside the chosen document. */
export function InvoicesPage({ user }: { user: PublicUser }) {
  const t = useT();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const query = useMemo<InvoiceFilters>(
    () => ({
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.paymentStatus ? { paymentStatus: filters.paymentStatus } : {}),
      ...(filters.from ? { from: filters.from } : {}),
      ...(filters.to ? { to: filters.to } : {}),
    }),
    [filters],
  );
  const { invoices, error, hasMore, more } = useInvoices(query);
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [selected, setSelected] = useState<InvoiceDetail | null>(null);
  const [detailError, setDetailError] = useState<string | null>(null);
  const [editor, setEditor] = useState<EditorTarget | null>(null);
  const [archiving, setArchiving] = useState(false);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = filters !== noFilters;

  const loadSelected = useCallback(
    (id: number | null) => {
      if (id === null) return setSelected(null);
      call('invoices.get', { id }).then(
        (detail) => (setSelected(detail), setDetailError(null)),
        (thrown: unknown) => (setSelected(null), setDetailError(actionErrorText(t, toApiError(thrown)))),
      );
    },
    [t],
  );
  useEffect(() => {
    loadSelected(selectedId);
    if (selectedId === null) return;
    return onEvent('invoices.changed', (data) => data.invoiceId === selectedId && loadSelected(selectedId));
  }, [selectedId, loadSelected]);

  return (
    <section className="page page-invoices" data-testid="invoices-page">
      <PageHeader title={t('invoices.title')} intro={t('invoices.intro')} />
      <div className="invoices-toolbar">
        <button type="button" className="button button-primary" onClick={() => setEditor({ mode: 'new' })} data-testid="invoices-new">
          <Icon name="plus" />
          <span>{t('invoices.new')}</span>
        </button>
        {canIssueInvoices(user.role) ? (
          <button type="button" className="button button-secondary" onClick={() => setArchiving(true)} data-testid="invoices-archive">
            <Icon name="download" />
            <span>{t('invoices.archive.open')}</span>
          </button>
        ) : null}
      </div>
      <div className="offers-filters invoices-filters" data-testid="invoices-filters">
        <SelectField<DocumentStatus | ''>
          name="status"
          label={t('invoices.filterStatus')}
          value={filters.status}
          options={[{ value: '', label: t('invoices.all') }, ...documentStatuses.map((s) => ({ value: s, label: t(`invoices.status.${s}`) }))]}
          onChange={(status) => set({ status })}
          testId="invoices-filter-status"
        />
        <SelectField<PaymentStatus | ''>
          name="paymentStatus"
          label={t('invoices.filterPayment')}
          value={filters.paymentStatus}
          options={[{ value: '', label: t('invoices.all') }, ...paymentStatuses.map((s) => ({ value: s, label: t(`invoices.payment.${s}`) }))]}
          onChange={(paymentStatus) => set({ paymentStatus })}
          testId="invoices-filter-payment"
        />
        <DateField name="from" label={t('invoices.filterFrom')} value={filters.from} onChange={(from) => set({ from })} testId="invoices-filter-from" />
        <DateField name="to" label={t('invoices.filterTo')} value={filters.to} onChange={(to) => set({ to })} testId="invoices-filter-to" />
        {filtered ? (
          <button type="button" className="button button-secondary offers-clear" onClick={() => setFilters(noFilters)} data-testid="invoices-clear">
            {t('invoices.clear')}
          </button>
        ) : null}
      </div>
      {error ? (
        <Alert tone="error" testId="invoices-error">
          {actionErrorText(t, error)}
        </Alert>
      ) : null}
      <div className="invoices-layout">
        <div className="card offers-pane invoices-pane" style={invoices && invoices.length > 0 ? { blockSize: `min(70vh, ${invoices.length * invoiceRowHeight + (hasMore ? 48 : 2)}px)` } : undefined}>
          {invoices && invoices.length === 0 ? (
            <p className="table-empty" data-testid="invoices-empty">
              {filtered ? t('invoices.noMatches') : t('invoices.empty')}
            </p>
          ) : (
            <VirtualList
              items={invoices ?? []}
              rowHeight={invoiceRowHeight}
              getKey={(i) => i.id}
              renderRow={(invoice) => <InvoiceRow invoice={invoice} selected={invoice.id === selectedId} onSelect={() => setSelectedId(invoice.id)} />}
              onEndReached={more}
              label={t('invoices.listLabel')}
              testId="invoices-list"
            />
          )}
        </div>
        <div className="invoices-detail-pane">
          {detailError ? (
            <Alert tone="error" testId="invoice-detail-error">
              {detailError}
            </Alert>
          ) : null}
          {selected ? (
            <InvoiceDetailPanel invoice={selected} role={user.role} onEdit={setEditor} onDeleted={() => setSelectedId(null)} />
          ) : (
            <p className="muted invoices-select">{t('invoices.select')}</p>
          )}
        </div>
      </div>
      {archiving ? <InvoiceArchiveDialog onClose={() => setArchiving(false)} /> : null}
      {editor ? (
        <InvoiceEditorDialog
          target={editor}
          onClose={() => setEditor(null)}
          onSaved={(id) => {
            setEditor(null);
            if (id === selectedId) loadSelected(id);
            else setSelectedId(id);
          }}
        />
      ) : null}
    </section>
  );
}
