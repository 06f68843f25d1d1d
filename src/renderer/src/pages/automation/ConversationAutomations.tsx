import { useState } from 'react';
import type { AutomationJobView } from '../../../../shared/automation/types';
import type { ApiError } from '../../../../shared/errors';
import { call, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { FollowUpDialog } from './FollowUpDialog';
import { JobItem } from './JobItem';
import { useLiveRead } from './use-live-read';

/** The conversation side panel's scheduled automations (pending first, then recent ended ones), each pending one cancellable; and "follow up in …". */
export function ConversationAutomations({ conversationId }: { conversationId: number }) {
  const t = useT();
  const jobs = useLiveRead(() => call('automation.conversationJobs', { conversationId }), String(conversationId), ['automation.jobs.changed']);
  const [following, setFollowing] = useState(false);
  const [cancelling, setCancelling] = useState<number | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function cancel(job: AutomationJobView) {
    setCancelling(job.id);
    setError(null);
    try {
      await call('automation.cancelJob', { id: job.id });
      jobs.reload();
    } catch (thrown) {
      setError(toApiError(thrown));
    } finally {
      setCancelling(null);
    }
  }

  const shown = error ?? jobs.error;
  return (
    <section className="conversation-automations" aria-labelledby={`automations-title-${conversationId}`} data-testid="conversation-automations">
      <div className="conversation-viewings-head">
        <h3 className="property-interests-title" id={`automations-title-${conversationId}`}>
          {t('automation.panel.title')}
        </h3>
        <button type="button" className="button button-small button-secondary" onClick={() => setFollowing(true)} data-testid="follow-up-open">
          {t('automation.followUp.open')}
        </button>
      </div>
      {shown ? (
        <Alert tone="error" testId="conversation-automations-error">
          {describeError(t, shown).formMessage ?? t('automation.panel.loadFailed')}
        </Alert>
      ) : null}
      {jobs.data && jobs.data.length === 0 ? <p className="property-interests-empty">{t('automation.panel.empty')}</p> : null}
      {jobs.data && jobs.data.length > 0 ? (
        <ul className="automation-panel-list">
          {jobs.data.map((job) => (
            <li key={job.id} className="automation-panel-item">
              <JobItem job={job} showRule />
              {job.status === 'pending' ? (
                <button
                  type="button"
                  className="button button-small button-ghost"
                  onClick={() => void cancel(job)}
                  disabled={cancelling === job.id}
                  aria-label={t('automation.panel.cancelLabel', { name: job.ruleName })}
                  data-testid={`job-cancel-${job.id}`}
                >
                  {t('automation.panel.cancel')}
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {following ? <FollowUpDialog conversationId={conversationId} onClose={() => setFollowing(false)} onArmed={jobs.reload} /> : null}
    </section>
  );
}
