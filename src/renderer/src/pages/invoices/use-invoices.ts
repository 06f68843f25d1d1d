import { usePagedList, type PageFilters } from '../../hooks/use-paged-list';

export type InvoiceFilters = PageFilters<'invoices.list'>;

/** Documents newest first, page by page, kept live: `invoices.changed` reads the loaded pages again. */
export function useInvoices(filters: InvoiceFilters) {
  const { rows, ...list } = usePagedList('invoices.list', filters, 'invoices.changed');
  return { invoices: rows, ...list };
}
