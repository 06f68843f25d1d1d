import { useCallback, useRef, useState } from 'react';
import type { ApiError } from '../../../../shared/errors';
import type { MessageView } from '../../../../shared/inbox/types';
import { call, toApiError } from '../../api/client';

/**
 * Sends a property card with a client id made when the button is first pressed: a second press
 * before the answer, or a retry after a failure, carries the same id and the core sends one card.
 * The id is dropped once the card is stored, so the next press is a new card.
 */
export function useSendCard() {
  const pendingIds = useRef(new Map<string, string>());
  const [sending, setSending] = useState<string | null>(null);
  const [error, setError] = useState<{ key: string; error: ApiError } | null>(null);

  const send = useCallback(async (input: { conversationId: number; propertyId: number; language: 'ar' | 'en' }): Promise<MessageView | null> => {
    const key = `${input.conversationId}:${input.propertyId}:${input.language}`;
    let clientId = pendingIds.current.get(key);
    if (!clientId) pendingIds.current.set(key, (clientId = crypto.randomUUID()));
    setSending(key);
    setError(null);
    try {
      const message = await call('properties.sendCard', { ...input, clientId });
      pendingIds.current.delete(key);
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

  return { send, sending, error };
}
