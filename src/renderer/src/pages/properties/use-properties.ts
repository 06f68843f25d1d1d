import { useEffect, useRef } from 'react';
import type { ChannelInput } from '../../../../shared/contract';
import { call, onEvent, onReconnect } from '../../api/client';
import { useQuery } from '../../hooks/use-query';

/**
 * The catalogue matching `filters`, read again when they change, when any property changes, when an
 * interest changes in a conversation this user may see (the counts), and after a reconnect.
 */
export function useProperties(filters: ChannelInput<'properties.list'>) {
  const query = useQuery(() => call('properties.list', filters));
  const key = JSON.stringify(filters);
  const first = useRef(true);
  const { reload } = query;

  useEffect(() => {
    // The first load is useQuery's own.
    if (first.current) first.current = false;
    else reload();
  }, [key, reload]);

  useEffect(() => {
    const stops = [onEvent('properties.changed', () => reload()), onEvent('interests.changed', () => reload()), onReconnect(() => reload())];
    return () => stops.forEach((stop) => stop());
  }, [reload]);

  return query;
}
