import { usePagedList, type PageFilters } from '../../hooks/use-paged-list';

export type OfferFilters = PageFilters<'offers.list'>;

/**
 * Offers newest first, page by page, kept live: an `offers.changed` about a loaded offer or a
 * new one reads the loaded pages again (one call), so answers and expiries show at once.
 */
export function useOffers(filters: OfferFilters) {
  const { rows, ...list } = usePagedList('offers.list', filters, 'offers.changed');
  return { offers: rows, ...list };
}
