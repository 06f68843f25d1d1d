import type { AiRating } from '../../../../shared/ai/types';
import { call } from '../../api/client';
import { Icon } from '../../components/icons';
import { useSubmit } from '../../hooks/use-submit';
import { useT } from '../../i18n/use-t';
import { useSessionStore } from '../../stores/session-store';
import { ratingKey, useAiRatingsStore } from './ai-ratings-store';

const noFields: readonly string[] = [];

/** 👍/👎 (drawn as icons: not every computer has an emoji font) under an AI message: the agent's rating feeds the assistant's satisfaction rate; pressing it again takes it back. */
export function AiRatingButtons({ messageId, loaded }: { messageId: number; /** The rating the thread page came with. */ loaded: AiRating | null }) {
  const t = useT();
  const key = ratingKey(useSessionStore((state) => state.user?.id), messageId);
  // A press in this window wins over the page loaded before it; otherwise the stored rating shows.
  const pressed = useAiRatingsStore((state) => state.ratings.get(key));
  const rating = pressed === undefined ? loaded : pressed;
  const rate = useSubmit(noFields);
  const press = (value: AiRating) =>
    void rate.run(async () => {
      const answer = await call('ai.rateMessage', { messageId, rating: rating === value ? null : value });
      useAiRatingsStore.getState().set(key, answer.rating);
    });
  return (
    <span className="ai-rating" role="group" aria-label={t('ai.rate.label')} data-testid={`ai-rating-${messageId}`} data-rating={rating ?? ''}>
      <button type="button" aria-pressed={rating === 'up'} title={t('ai.rate.up')} aria-label={t('ai.rate.up')} disabled={rate.pending} onClick={() => press('up')} data-testid="ai-rate-up">
        <Icon name="thumbUp" className="icon icon-small" />
      </button>
      <button type="button" aria-pressed={rating === 'down'} title={t('ai.rate.down')} aria-label={t('ai.rate.down')} disabled={rate.pending} onClick={() => press('down')} data-testid="ai-rate-down">
        <Icon name="thumbDown" className="icon icon-small" />
      </button>
      {rate.shown.formMessage ? <span className="field-error">{rate.shown.formMessage}</span> : null}
    </span>
  );
}
