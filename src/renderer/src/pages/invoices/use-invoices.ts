import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import type { ApiError } from '../../../../shared/errors';
import type { InvoiceView } from '../../../../shared/invoices/types';
import { call, onEvent, onReconnect, toApiError } from '../../api/client';

export type InvoiceFilters = Omit<ChannelInput<'invoices.list'>, 'before' | 'limit'>;

const pageSize = 50;

/** Documents newest first, page by page, kept live: `invoices.changed` reads the loaded pages again. */
export function useInvoices(filters: InvoiceFilters) {
  const [invoices, setInvoices] = useState<InvoiceView[] | null>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const ticket = useRef(0);
  const loaded = useRef(pageSize);
  const key = JSON.stringify(filters);

  const load = useCallback(
    (limit: number) => {
      const mine = ++ticket.current;
      call('invoices.list', { ...(JSON.parse(key) as InvoiceFilters), limit: Math.min(limit, 200) }).then(
        (page) => {
          if (mine !== ticket.current) return;
          setInvoices(page.data);
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
    setInvoices(null);
    load(pageSize);
    const reload = () => load(loaded.current);
    const offChanged = onEvent('invoices.changed', reload);
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
    call('invoices.list', { ...(JSON.parse(key) as InvoiceFilters), limit: pageSize, before: cursor }).then(
      (page) => {
        if (mine !== ticket.current) return;
        setInvoices((current) => [...(current ?? []), ...page.data]);
        loaded.current += page.data.length;
        setCursor(page.nextCursor);
      },
      (thrown: unknown) => mine === ticket.current && setError(toApiError(thrown)),
    );
  }, [cursor, key]);

  return { invoices, error, hasMore: cursor !== null, more };
}
