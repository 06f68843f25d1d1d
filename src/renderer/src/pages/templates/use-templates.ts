import { useEffect, useRef } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import { call, onEvent, onReconnect } from '../../api/client';
import { useQuery } from '../../hooks/use-query';

/** The templates matching `filters`, read again when they change, when any template changes, and after a reconnect. */
export function useTemplates(filters: ChannelInput<'templates.list'>) {
  const query = useQuery(() => call('templates.list', filters));
  const key = JSON.stringify(filters);
  const first = useRef(true);
  const { reload } = query;

  useEffect(() => {
    // The first load is useQuery's own.
    if (first.current) first.current = false;
    else reload();
  }, [key, reload]);

  useEffect(() => {
    const stopChanged = onEvent('templates.changed', () => reload());
    const stopReconnect = onReconnect(() => reload());
    return () => {
      stopChanged();
      stopReconnect();
    };
  }, [reload]);

  return query;
}

export { useDebounced } from '../../hooks/use-debounced';
