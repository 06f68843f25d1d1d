import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../shared/errors';
import { toApiError } from '../api/client';

export interface Query<T> {
  data: T | undefined;
  error: ApiError | null;
  loading: boolean;
  reload(): void;
}

/** Loads once on mount and on reload(); a late answer from an older load is dropped. */
export function useQuery<T>(load: () => Promise<T>): Query<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(true);
  const latest = useRef(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  const reload = useCallback(() => {
    const ticket = ++latest.current;
    setLoading(true);
    loadRef.current().then(
      (value) => {
        if (ticket !== latest.current) return;
        setData(value);
        setError(null);
        setLoading(false);
      },
      (thrown: unknown) => {
        if (ticket !== latest.current) return;
        setError(toApiError(thrown));
        setLoading(false);
      },
    );
  }, []);

  useEffect(() => {
    reload();
    // An unmounted page ignores whatever is still in flight.
    return () => {
      latest.current += 1;
    };
  }, [reload]);

  return { data, error, loading, reload };
}
