import type { JobReason, JobStatus } from '../../../../shared/automation/types';
import type { BadgeTone } from '../../components/Badge';
import type { Translate } from '../../i18n/translate';

export const jobStatusTone: Record<JobStatus, BadgeTone> = {
  pending: 'blue',
  sent: 'green',
  skipped: 'amber',
  cancelled: 'gray',
  expired: 'amber',
  failed: 'red',
};

/** Why a job ended without a message; a failed send adds the outbox's own error. */
export function jobReasonText(t: Translate, reason: JobReason | null, error: string | null): string | null {
  if (reason === null) return error;
  const text = t(`automation.reason.${reason}`);
  return reason === 'send_failed' && error ? `${text}: ${error}` : text;
}
