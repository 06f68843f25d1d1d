import { memo } from 'react';
import { Icon } from '../../components/icons';
import { useOfficeFormat } from '../../format/use-office-format';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { useConnectionStore } from '../../stores/connection-store';
import { discardAnswer, type PendingAnswer } from '../../stores/pending-answers';

/**
 * An answer typed here that the desk has not confirmed: on the agent's side like any answer,
 * marked "waiting for the desk" while the connection is away (or "sending…" for the moment a
 * call takes), or with the core's refusal and a way to drop it.
 */
export const PendingBubble = memo(function PendingBubble({ answer }: { answer: PendingAnswer }) {
  const t = useT();
  const office = useOfficeFormat();
  const deskReachable = useConnectionStore((state) => state.deskReachable);
  const state = answer.refusal ? 'refused' : deskReachable ? 'sending' : 'waiting';
  return (
    <div className="message-row message-row-agent">
      <div className={`message message-agent message-pending message-pending-${state}`} data-testid="pending-answer" data-client-id={answer.clientId} data-state={state}>
        <p className="message-text" dir="auto">
          {answer.content}
        </p>
        <p className="message-meta">
          <time dateTime={answer.createdAt}>{office.formatTime(answer.createdAt)}</time>
          <span className="pending-mark" data-testid="pending-answer-mark">
            <Icon name={answer.refusal ? 'alert' : 'clock'} className="icon icon-tick" />
            {answer.refusal
              ? t('offline.refusedMark', { reason: describeError(t, answer.refusal).formMessage ?? t('error.INTERNAL_ERROR') })
              : t(state === 'waiting' ? 'offline.waitingMark' : 'offline.sendingMark')}
          </span>
        </p>
        {answer.refusal ? (
          <div className="message-failure">
            <button type="button" className="button button-small button-secondary" onClick={() => discardAnswer(answer.clientId)} data-testid="pending-answer-discard">
              <Icon name="trash" />
              {t('offline.discard')}
            </button>
          </div>
        ) : null}
      </div>
    </div>
  );
});
