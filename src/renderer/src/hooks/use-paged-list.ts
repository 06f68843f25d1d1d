import { useCallback, useEffect, useRef, useState } from 'react';
import type { ChannelInput, ChannelName, ChannelOutput, EventName } from '../../../shared/contract';
import type { ApiError } from '../../../shared/errors';
import { call, onEvent, onReconnect, toApiError } from '../api/client';

interface Page {
  data: unknown[];
  nextCursor: number | null;
}

/** The channels that answer newest first in keyset pages (`before` the last id, `limit` rows). */
export type PagedChannel = {
  [C in ChannelName]: ChannelOutput<C> extends Page ? (ChannelInput<C> extends { before?: number | undefined; limit?: number | undefined } ? C : never) : never;
}[ChannelName];

export type PageFilters<C extends PagedChannel> = Omit<ChannelInput<C>, 'before' | 'limit'>;
type Row<C extends PagedChannel> = ChannelOutput<C> extends { data: (infer R)[] } ? R : never;

const pageSize = 50;
/** The most rows a list channel answers at once; a reload asks for all loaded rows in one call up to this. */
const maxPage = 200;

/**
 * A list read page by page (newest first) and kept live: `changed` (something in it changed
 * elsewhere) and a reconnect read the loaded pages again in one call; new filters start over.
 * Answers to calls overtaken by a later one are dropped.
 */
export function usePagedList<C extends PagedChannel>(channel: C, filters: PageFilters<C>, changed: EventName) {
  const [rows, setRows] = useState<Row<C>[] | null>(null);
  const [cursor, setCursor] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const ticket = useRef(0);
  const loaded = useRef(pageSize);
  const key = JSON.stringify(filters);

  const read = useCallback(
    (page: { limit: number; before?: number }) => call(channel, { ...(JSON.parse(key) as PageFilters<C>), ...page } as ChannelInput<C>) as Promise<{ data: Row<C>[]; nextCursor: number | null }>,
    [channel, key],
  );

  const load = useCallback(
    (limit: number) => {
      const mine = ++ticket.current;
      read({ limit: Math.min(limit, maxPage) }).then(
        (page) => {
          if (mine !== ticket.current) return;
          setRows(page.data);
          setCursor(page.nextCursor);
          setError(null);
        },
        (thrown: unknown) => mine === ticket.current && setError(toApiError(thrown)),
      );
    },
    [read],
  );

  useEffect(() => {
    loaded.current = pageSize;
    setRows(null);
    load(pageSize);
    const reload = () => load(loaded.current);
    const offChanged = onEvent(changed, reload);
    const offReconnect = onReconnect(reload);
    return () => {
      ticket.current++;
      offChanged();
      offReconnect();
    };
  }, [load, changed]);

  const more = useCallback(() => {
    if (cursor === null) return;
    const mine = ++ticket.current;
    read({ limit: pageSize, before: cursor }).then(
      (page) => {
        if (mine !== ticket.current) return;
        setRows((current) => [...(current ?? []), ...page.data]);
        loaded.current += page.data.length;
        setCursor(page.nextCursor);
      },
      (thrown: unknown) => mine === ticket.current && setError(toApiError(thrown)),
    );
  }, [cursor, read]);

  const reload = useCallback(() => load(loaded.current), [load]);
  return { rows, error, hasMore: cursor !== null, more, reload };
}
