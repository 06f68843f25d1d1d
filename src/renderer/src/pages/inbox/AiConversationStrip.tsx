import { useCallback, useEffect, useState } from 'react';
import type { AiConversationState } from '../../../../shared/ai/types';
import type { ApiError } from '../../../../shared/errors';
import { call, onEvent, onReconnect, toApiError } from '../../api/client';
import { Icon } from '../../components/icons';
import { useOfficeFormat } from '../../format/use-office-format';
import { describeError } from '../../i18n/errors';
import { usePlural } from '../../i18n/use-plural';
import { useT } from '../../i18n/use-t';
import { reasonText } from '../ai/ai-labels';

/** The conversation's AI state, read again when the core says it changed (a reply, a hand-off, a resume) and after a reconnect. */
function useAiState(conversationId: number) {
  const [state, setState] = useState<AiConversationState | null>(null);
  const load = useCallback(() => {
    call('ai.conversationState', { conversationId }).then(
      (next) => next.conversationId === conversationId && setState(next),
      // A conversation the AI knows nothing about shows no strip; the inbox has its own errors.
      () => undefined,
    );
  }, [conversationId]);
  useEffect(() => {
    setState(null);
    load();
    const stops = [onEvent('ai.conversation.changed', (data) => data.conversationId === conversationId && load()), onReconnect(load)];
    return () => stops.forEach((stop) => stop());
  }, [conversationId, load]);
  return { state, setState };
}

/** Above the thread: who holds the conversation (the AI or a person) and, once it is paused, "resume AI". */
export function AiConversationStrip({ conversationId }: { conversationId: number }) {
  const t = useT();
  const plural = usePlural();
  const { formatDateTime } = useOfficeFormat();
  const { state, setState } = useAiState(conversationId);
  const [error, setError] = useState<ApiError | null>(null);
  const [resuming, setResuming] = useState(false);
  if (!state || (!state.enabled && state.holder === 'none')) return null;

  async function resume() {
    setError(null);
    setResuming(true);
    try {
      setState(await call('ai.resume', { conversationId }));
    } catch (thrown) {
      setError(toApiError(thrown));
    } finally {
      setResuming(false);
    }
  }

  const paused = state.paused || state.holder === 'person';
  return (
    <div className={state.holder === 'ai' && !paused ? 'ai-strip is-ai' : 'ai-strip'} role="status" aria-label={t('ai.strip.label')} data-testid="ai-strip" data-holder={state.holder} data-paused={paused}>
      <Icon name="sparkle" />
      <span data-testid="ai-strip-holder">{t(`ai.holder.${state.holder}`)}</span>
      {state.holder === 'ai' ? <span className="muted">{plural('ai.strip.replies', state.repliesThisEpisode)}</span> : null}
      {state.handedOffAt ? (
        <span className="muted" data-testid="ai-strip-handed-off">
          {t('ai.strip.handedOff', { time: formatDateTime(state.handedOffAt) })}
          {state.reason ? ` — ${reasonText(t, state.reason)}` : ''}
        </span>
      ) : null}
      {paused && state.enabled ? (
        <button type="button" className="button button-small button-secondary ai-strip-resume" disabled={resuming} onClick={() => void resume()} data-testid="ai-resume">
          {t('ai.strip.resume')}
        </button>
      ) : null}
      {error ? <span className="field-error">{describeError(t, error).formMessage}</span> : null}
    </div>
  );
}
