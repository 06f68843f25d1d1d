import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import type { ApiError } from '../../../../shared/errors';
import type { OfferView } from '../../../../shared/offers/types';
import { call, onEvent, onReconnect, toApiError } from '../../api/client';

export type OfferFilters = Omit<ChannelInput<'offers.list'>, 'before' | 'limit'>;

const pageSize = 50;

/**
 * Offers newest first, page by page, kept live: an `offers.changed` about a loaded offer or a
 * new one reads the loaded pages again (one call), so answers and expiries show at once.
 */
export function useOffers(filters: OfferFilters) {
  const [offers, setOffers] = useState<OfferView[] | null>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const ticket = useRef(0);
  const loaded = useRef(pageSize);
  const key = JSON.stringify(filters);

  const load = useCallback(
    (limit: number) => {
      const mine = ++ticket.current;
      call('offers.list', { ...(JSON.parse(key) as OfferFilters), limit: Math.min(limit, 200) }).then(
        (page) => {
          if (mine !== ticket.current) return;
          setOffers(page.data);
          setCursor(page.nextCursor);
          setError(null);
        },
        (thrown: unknown) => mine === ticket.current && setError(toApiError(thrown)),
      );
    },
    [key],
  );

  useEffect(() => {
    loaded.current = pageSize;
    setOffers(null);
    load(pageSize);
    const reload = () => load(loaded.current);
    const offChanged = onEvent('offers.changed', reload);
    const offReconnect = onReconnect(reload);
    return () => {
      ticket.current++;
      offChanged();
      offReconnect();
    };
  }, [load]);

  const more = useCallback(() => {
    if (cursor === null) return;
    const mine = ++ticket.current;
    call('offers.list', { ...(JSON.parse(key) as OfferFilters), limit: pageSize, before: cursor }).then(
      (page) => {
        if (mine !== ticket.current) return;
        setOffers((current) => [...(current ?? []), ...page.data]);
        loaded.current += page.data.length;
        setCursor(page.nextCursor);
      },
      (thrown: unknown) => mine === ticket.current && setError(toApiError(thrown)),
    );
  }, [cursor, key]);

  return { offers, error, hasMore: cursor !== null, more, reload: () => load(loaded.current) };
}
