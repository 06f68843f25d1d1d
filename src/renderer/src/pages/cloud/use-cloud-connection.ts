import { useCallback, useEffect, useState } from 'react';
import type { CloudConnectionView } from '../../../../shared/cloud/types';
import type { ApiError } from '../../../../shared/errors';
import { call, onEvent, toApiError } from '../../api/client';

/** The connection screen's data, read again whenever the core says it changed. */
export function useCloudConnection() {
  const [view, setView] = useState<CloudConnectionView | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const reload = useCallback(() => {
    call('cloud.connection', {})
      .then((next) => {
        setView(next);
        setError(null);
      })
      .catch((thrown: unknown) => setError(toApiError(thrown)));
  }, []);
  useEffect(() => reload(), [reload]);
  useEffect(() => onEvent('cloud.connection.changed', () => reload()), [reload]);
  return { view, error, reload, setView };
}
