import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../../shared/errors';
import type { WebhookDeliveryView } from '../../../../shared/webhooks/types';
import { call, toApiError } from '../../api/client';

/** While something in the log still waits to go, the newest page is read again this often. */
const pendingRefreshMs = 2_000;

export interface DeliveryLog {
  items: WebhookDeliveryView[] | undefined;
  hasMore: boolean;
  error: ApiError | null;
  refresh(): void;
  more(): void;
}

/**
 * An endpoint's delivery log, newest first, in pages of `webhooks.deliveries`. The core sends
 * no event when a delivery changes, so while a row is pending the newest page is re-read
 * (older pages already loaded are kept below it).
 */
export function useDeliveryLog(endpointId: number): DeliveryLog {
  const [items, setItems] = useState<WebhookDeliveryView[] | undefined>(undefined);
  const [nextBefore, setNextBefore] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const loadingMore = useRef(false);
  const alive = useRef(true);

  const refresh = useCallback(() => {
    call('webhooks.deliveries', { endpointId }).then(
      (page) => {
        if (!alive.current) return;
        setError(null);
        setItems((before) => {
          const oldest = page.items[page.items.length - 1]?.id;
          const kept = before && oldest !== undefined ? before.filter((d) => d.id < oldest) : [];
          return [...page.items, ...kept];
        });
        setNextBefore((before) => (before === null || page.nextBefore === null ? page.nextBefore : Math.min(before, page.nextBefore)));
      },
      (thrown: unknown) => alive.current && setError(toApiError(thrown)),
    );
  }, [endpointId]);

  const more = useCallback(() => {
    if (nextBefore === null || loadingMore.current) return;
    loadingMore.current = true;
    call('webhooks.deliveries', { endpointId, before: nextBefore })
      .then(
        (page) => {
          if (!alive.current) return;
          setItems((before) => [...(before ?? []), ...page.items.filter((d) => !before?.some((b) => b.id === d.id))]);
          setNextBefore(page.nextBefore);
        },
        (thrown: unknown) => alive.current && setError(toApiError(thrown)),
      )
      .finally(() => {
        loadingMore.current = false;
      });
  }, [endpointId, nextBefore]);

  useEffect(() => {
    alive.current = true;
    refresh();
    return () => {
      alive.current = false;
    };
  }, [refresh]);

  const waiting = items?.some((d) => d.status === 'pending') ?? false;
  useEffect(() => {
    if (!waiting) return;
    const timer = window.setInterval(refresh, pendingRefreshMs);
    return () => window.clearInterval(timer);
  }, [waiting, refresh]);

  return { items, hasMore: nextBefore !== null, error, refresh, more };
}
