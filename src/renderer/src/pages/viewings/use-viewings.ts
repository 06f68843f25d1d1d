import { useEffect, useRef } from 'react';
import type { Events } from '../../../../shared/contract';
import type { CalendarSpan, CalendarView, ViewingList } from '../../../../shared/viewings/types';
import { call, onEvent, onReconnect } from '../../api/client';
import { useQuery, type Query } from '../../hooks/use-query';

type ViewingChanged = Events['viewings.changed'];

/** Reads again when a viewing it may show changes (the event reaches only those who may see it) and after a reconnect. */
function useLive<T>(load: () => Promise<T>, key: string, concerns: (change: ViewingChanged) => boolean): Query<T> {
  const query = useQuery(load);
  const { reload } = query;
  const first = useRef(true);
  useEffect(() => {
    // The first load is useQuery's own: reading twice would delay the first paint.
    if (first.current) first.current = false;
    else reload();
  }, [key, reload]);
  useEffect(() => {
    const stops = [onEvent('viewings.changed', (change) => concerns(change) && reload()), onReconnect(() => reload())];
    return () => stops.forEach((stop) => stop());
  }, [key, reload]);
  return query;
}

export function useConversationViewings(conversationId: number): Query<ViewingList> {
  return useLive(() => call('viewings.forConversation', { conversationId }), `c${conversationId}`, (change) => change.conversationId === conversationId);
}

export function useContactViewings(contactId: number): Query<ViewingList> {
  return useLive(() => call('viewings.forContact', { contactId }), `k${contactId}`, (change) => change.contactId === contactId);
}

/** The calendar's days and viewings; any viewing change may move one into or out of view. */
export function useCalendar(span: CalendarSpan, anchor: string | undefined, agentId: number | null): Query<CalendarView> {
  const input = { span, ...(anchor ? { anchor } : {}), ...(agentId !== null ? { agentId } : {}) };
  return useLive(() => call('viewings.calendar', input), JSON.stringify(input), () => true);
}
