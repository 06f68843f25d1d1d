import type { AutomationJobView } from '../../../../shared/automation/types';
import { Badge } from '../../components/Badge';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';
import { jobReasonText, jobStatusTone } from './job-labels';

/** One job: whom, when (office zone), its status and why; `showContact` in a rule's list, `showRule` in a conversation's. */
export function JobItem({ job, showContact, showRule }: { job: AutomationJobView; showContact?: boolean; showRule?: boolean }) {
  const t = useT();
  const { formatDateTime } = useOfficeFormat();
  const reason = jobReasonText(t, job.reason, job.error);
  const when = job.status === 'pending' || !job.finishedAt ? t('automation.jobs.due', { date: formatDateTime(job.dueAt) }) : t('automation.jobs.finished', { date: formatDateTime(job.finishedAt) });
  return (
    <div className="automation-job" data-testid={`job-${job.id}`} data-status={job.status}>
      <div className="automation-job-head">
        {showRule ? (
          <span className="automation-job-title" dir="auto">
            {job.ruleName}
          </span>
        ) : null}
        {showContact ? (
          <span className="automation-job-title" dir="auto">
            {job.contactName ?? t('automation.jobs.unknownContact')}
            {job.contactPhone ? (
              <span className="muted automation-job-phone" dir="ltr">
                {job.contactPhone}
              </span>
            ) : null}
          </span>
        ) : null}
        <Badge tone={jobStatusTone[job.status]} testId="job-status">
          {t(`automation.status.${job.status}`)}
        </Badge>
      </div>
      <div className="automation-job-meta muted">
        <span>{t(`automation.trigger.${job.trigger}`)}</span>
        <span data-testid="job-when">{when}</span>
        {reason ? <span data-testid="job-reason">{reason}</span> : null}
      </div>
    </div>
  );
}
