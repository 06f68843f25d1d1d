import { useState } from 'react';
import type { AutomationDryRun, AutomationTrigger } from '../../../../shared/automation/types';
import { call } from '../../api/client';
import { useOfficeFormat } from '../../format/use-office-format';
import { usePlural } from '../../i18n/use-plural';
import { useT } from '../../i18n/use-t';

export interface DryRunRequest {
  trigger: AutomationTrigger;
  delayMinutes: number;
  whatsappNumberId: number | null;
}

/** "Would fire for 37 conversations now", and the first of them with when each would go. */
export function DryRunResult({ result }: { result: AutomationDryRun }) {
  const t = useT();
  const plural = usePlural();
  const { formatDateTime } = useOfficeFormat();
  return (
    <div className="automation-dry-run-result" data-testid="dry-run-result">
      <p className="automation-dry-run-count" data-testid="dry-run-count" data-count={result.count}>
        {plural('automation.dryRun', result.count)}
      </p>
      {result.sample.length > 0 ? (
        <ul className="automation-dry-run-list" aria-label={t('automation.dryRun.listLabel')} data-testid="dry-run-list">
          {result.sample.map((subject, index) => (
            <li key={`${subject.contactId}-${subject.conversationId ?? 0}-${index}`}>
              <span dir="auto">{subject.contactName ?? t('automation.jobs.unknownContact')}</span>
              {subject.contactPhone ? (
                <span className="muted" dir="ltr">
                  {subject.contactPhone}
                </span>
              ) : null}
              <span className="muted">{t('automation.dryRun.due', { date: formatDateTime(subject.dueAt) })}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** The form's dry run: what the rule as typed would do if switched on now. */
export function DryRunBox({ request }: { request: DryRunRequest | null }) {
  const t = useT();
  const [result, setResult] = useState<{ for: string; answer: AutomationDryRun } | null>(null);
  const [failed, setFailed] = useState(false);
  const [pending, setPending] = useState(false);
  const key = JSON.stringify(request);

  async function run() {
    if (!request) return;
    setPending(true);
    setFailed(false);
    try {
      setResult({ for: key, answer: await call('automation.dryRun', request) });
    } catch {
      setFailed(true);
    } finally {
      setPending(false);
    }
  }

  return (
    <section className="automation-dry-run" data-testid="rule-dry-run">
      <button type="button" className="button button-secondary button-small" onClick={() => void run()} disabled={!request || pending} data-testid="dry-run">
        {t('automation.dryRun.run')}
      </button>
      {failed ? <p className="field-error">{t('automation.dryRun.failed')}</p> : null}
      {/* A result for a rule since changed is dropped rather than shown as if it still held. */}
      {result && result.for === key ? <DryRunResult result={result.answer} /> : null}
    </section>
  );
}
