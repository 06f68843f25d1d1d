import { useState } from 'react';
import type { AutomationRuleView } from '../../../../shared/automation/types';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { VirtualList } from '../../components/VirtualList';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { JobItem } from './JobItem';
import { useRuleJobs } from './use-rule-jobs';

const jobRowHeight = 64;

/** A rule's upcoming and past jobs with their reasons; virtualised, since a no-response rule can hold thousands. */
export function RuleJobsDialog({ rule, onClose }: { rule: AutomationRuleView; onClose(): void }) {
  const t = useT();
  const [view, setView] = useState<'upcoming' | 'past'>('upcoming');
  const { jobs, error, hasMore, more } = useRuleJobs(rule.id, view);

  return (
    <Dialog title={t('automation.jobs.title', { name: rule.name })} onClose={onClose} size="large" testId="rule-jobs-dialog">
      <div className="dialog-body automation-jobs">
        <div className="segmented" role="group">
          {(['upcoming', 'past'] as const).map((value) => (
            <button key={value} type="button" className={value === view ? 'segmented-button is-active' : 'segmented-button'} aria-pressed={value === view} onClick={() => setView(value)} data-testid={`rule-jobs-${value}`}>
              {t(`automation.jobs.${value}`)}
            </button>
          ))}
        </div>
        {error ? <Alert tone="error" testId="rule-jobs-error">{describeError(t, error).formMessage}</Alert> : null}
        {jobs && jobs.length === 0 ? (
          <p className="muted" data-testid="rule-jobs-empty">
            {t(view === 'upcoming' ? 'automation.jobs.emptyUpcoming' : 'automation.jobs.emptyPast')}
          </p>
        ) : (
          <div className="automation-jobs-pane" style={{ blockSize: `min(55vh, ${Math.max(1, (jobs?.length ?? 0) + (hasMore ? 1 : 0)) * jobRowHeight + 2}px)` }}>
            <VirtualList
              items={jobs ?? []}
              rowHeight={jobRowHeight}
              getKey={(job) => job.id}
              renderRow={(job) => <JobItem job={job} showContact />}
              onEndReached={more}
              footer={hasMore ? <p className="muted automation-more">{t('automation.jobs.loadMore')}</p> : undefined}
              label={t('automation.jobs.listLabel')}
              testId="rule-jobs-list"
            />
          </div>
        )}
      </div>
      <div className="dialog-footer">
        <button type="button" className="button button-secondary" onClick={onClose} data-testid="rule-jobs-close">
          {t('automation.jobs.close')}
        </button>
      </div>
    </Dialog>
  );
}
