import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../../shared/errors';
import type { MessageView } from '../../../../shared/inbox/types';
import { call, toApiError } from '../../api/client';

/**
 * After a card is stored its button says "sent" this long, and a press on it meanwhile is the
 * same press: a double click whose first answer came back between the two clicks (a local desk
 * answers in milliseconds, a person's double click takes a few hundred) sends one card.
 */
export const samePressMs = 4_000;

/**
 * Sends a property card with a client id made when the button is first pressed: a second press
 * before the answer, a retry after a failure, or a press within `samePressMs` of the card being
 * stored carries the same id and the core sends one card. After that, the next press is a new card.
 */
export function useSendCard() {
  const pendingIds = useRef(new Map<string, string>());
  const timers = useRef(new Set<ReturnType<typeof setTimeout>>());
  const [sending, setSending] = useState<string | null>(null);
  const [justSent, setJustSent] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<{ key: string; error: ApiError } | null>(null);

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach(clearTimeout);
  }, []);

  const send = useCallback(async (input: { conversationId: number; propertyId: number; language: 'ar' | 'en' }): Promise<MessageView | null> => {
    const key = sendCardKey(input);
    let clientId = pendingIds.current.get(key);
    if (!clientId) pendingIds.current.set(key, (clientId = crypto.randomUUID()));
    setSending(key);
    setError(null);
    try {
      const message = await call('properties.sendCard', { ...input, clientId });
      setJustSent((keys) => new Set(keys).add(key));
      const timer = setTimeout(() => {
        timers.current.delete(timer);
        if (pendingIds.current.get(key) === clientId) pendingIds.current.delete(key);
        setJustSent((keys) => {
          const rest = new Set(keys);
          rest.delete(key);
          return rest;
        });
      }, samePressMs);
      timers.current.add(timer);
      return message;
    } catch (thrown) {
      const apiError = toApiError(thrown);
      // Refused for a reason that will not pass on a retry: the next press is a new attempt.
      if (apiError.code !== 'INTERNAL_ERROR' && apiError.code !== 'SERVICE_UNAVAILABLE') pendingIds.current.delete(key);
      setError({ key, error: apiError });
      return null;
    } finally {
      setSending(null);
    }
  }, []);

  /** Whether this card was just stored: its button says so and does not invite a second press. */
  const wasJustSent = useCallback((input: { conversationId: number; propertyId: number; language: 'ar' | 'en' }) => justSent.has(sendCardKey(input)), [justSent]);

  return { send, sending, error, wasJustSent };
}

function sendCardKey(input: { conversationId: number; propertyId: number; language: 'ar' | 'en' }): string {
  return `${input.conversationId}:${input.propertyId}:${input.language}`;
}
