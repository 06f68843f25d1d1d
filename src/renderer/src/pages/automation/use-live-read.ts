import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventName } from '../../../../shared/contract';
import type { ApiError } from '../../../../shared/errors';
import { onEvent, onReconnect, toApiError } from '../../api/client';

/**
 * A read kept live: done again when `key` changes, when any of `events` arrives, and after a
 * reconnect. Events arriving while a read is in flight (switching on a rule can arm thousands
 * of jobs) make one more read when it answers, never one read each.
 */
export function useLiveRead<T>(read: () => Promise<T>, key: string, events: readonly EventName[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const readRef = useRef(read);
  readRef.current = read;
  const inFlight = useRef(false);
  const again = useRef(false);
  const ticket = useRef(0);

  const load = useCallback(() => {
    if (inFlight.current) {
      again.current = true;
      return;
    }
    inFlight.current = true;
    const mine = ticket.current;
    readRef
      .current()
      .then(
        (answer) => {
          if (mine !== ticket.current) return;
          setData(answer);
          setError(null);
        },
        (thrown: unknown) => mine === ticket.current && setError(toApiError(thrown)),
      )
      .finally(() => {
        if (mine !== ticket.current) return;
        inFlight.current = false;
        if (again.current) {
          again.current = false;
          load();
        }
      });
  }, []);

  const eventKey = events.join(',');
  useEffect(() => {
    // A new key: whatever is in flight answers for the old one and is dropped.
    ticket.current += 1;
    inFlight.current = false;
    again.current = false;
    load();
    const stops = [...events.map((event) => onEvent(event, load)), onReconnect(load)];
    return () => {
      ticket.current += 1;
      stops.forEach((stop) => stop());
    };
  }, [key, eventKey, load]);

  return { data, error, reload: load };
}
