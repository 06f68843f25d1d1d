import { useEffect, useRef } from 'react';
import type { ChannelInput, ChannelName, EventName } from '../../../shared/contract';
import { call, onEvent, onReconnect } from '../api/client';
import { useQuery } from './use-query';

/**
 * A list read through `channel` with `filters`, read again when the filters change, when any of
 * `events` arrives (something in it changed elsewhere), and after a reconnect.
 */
export function useLiveList<C extends ChannelName>(channel: C, filters: ChannelInput<C>, events: readonly EventName[]) {
  const query = useQuery(() => call(channel, filters));
  const key = JSON.stringify(filters);
  const first = useRef(true);
  const { reload } = query;

  useEffect(() => {
    // The first load is useQuery's own.
    if (first.current) first.current = false;
    else reload();
  }, [key, reload]);

  const eventKey = events.join(',');
  useEffect(() => {
    const stops = [...events.map((event) => onEvent(event, () => reload())), onReconnect(() => reload())];
    return () => stops.forEach((stop) => stop());
  }, [eventKey, reload]);

  return query;
}
