import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActivityEntry } from '../../../../shared/activity/types';
import type { ApiError } from '../../../../shared/errors';
import { call, toApiError } from '../../api/client';

export interface ActivityFilters {
  userId: string;
  action: string;
  /** A record: its kind, and optionally its number. */
  entityType: string;
  entityId: string;
  from: string;
  to: string;
}

export const noActivityFilters: ActivityFilters = { userId: '', action: '', entityType: '', entityId: '', from: '', to: '' };

/** The filters as the contract takes them (the list and the export share them); a record number without digits is left out. */
export function filterInput(filters: ActivityFilters) {
  const entityId = /^\d{1,9}$/.test(filters.entityId.trim()) ? Number(filters.entityId.trim()) : 0;
  return {
    ...(filters.userId ? { userId: Number(filters.userId) } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.entityType ? { entityType: filters.entityType } : {}),
    ...(filters.entityType && entityId > 0 ? { entityId } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
}
export const activityPageSize = 100;

/**
 * The log page by page, newest first: the first page again whenever the filters change, then
 * each "load more" asks for the entries below the last one shown (keyset), so nothing repeats.
 */
export function useActivityPages(filters: ActivityFilters) {
  const [entries, setEntries] = useState<ActivityEntry[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const ticket = useRef(0);

  const load = useCallback(
    (beforeId: number | undefined) => {
      const mine = ++ticket.current;
      setLoading(true);
      call('activity.list', {
        limit: activityPageSize,
        ...(beforeId !== undefined ? { beforeId } : {}),
        ...filterInput(filters),
      }).then(
        (page) => {
          if (mine !== ticket.current) return;
          setEntries((shown) => (beforeId === undefined || !shown ? page : [...shown, ...page]));
          setHasMore(page.length === activityPageSize);
          setError(null);
          setLoading(false);
        },
        (thrown: unknown) => {
          if (mine !== ticket.current) return;
          setError(toApiError(thrown));
          setLoading(false);
        },
      );
    },
    [filters.userId, filters.action, filters.entityType, filters.entityId, filters.from, filters.to],
  );

  useEffect(() => {
    load(undefined);
    return () => {
      ticket.current += 1;
    };
  }, [load]);

  return {
    entries,
    hasMore,
    loading,
    error,
    reload: () => load(undefined),
    /** The next page, once: the list asks again each time its end comes into view. */
    loadMore: () => {
      if (hasMore && !loading) load(entries?.at(-1)?.id);
    },
  };
}
