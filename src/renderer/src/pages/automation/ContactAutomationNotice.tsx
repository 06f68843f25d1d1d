import { useState } from 'react';
import type { ApiError } from '../../../../shared/errors';
import { call, toApiError } from '../../api/client';
import { useOfficeFormat } from '../../format/use-office-format';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { useLiveRead } from './use-live-read';

/** In the contact panel: after an opt-out word, a notice and "resume automation"; nothing otherwise. */
export function ContactAutomationNotice({ contactId }: { contactId: number }) {
  const t = useT();
  const { formatDateTime } = useOfficeFormat();
  const state = useLiveRead(() => call('automation.contactState', { contactId }), String(contactId), ['contact.changed', 'automation.jobs.changed']);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function resume() {
    setPending(true);
    setError(null);
    try {
      await call('automation.resumeContact', { contactId });
      state.reload();
    } catch (thrown) {
      setError(toApiError(thrown));
    } finally {
      setPending(false);
    }
  }

  if (!state.data?.optedOut) return null;
  return (
    <div className="alert alert-info automation-opted-out" role="status" data-testid="contact-automation-opted-out">
      <p>{t('automation.contact.optedOut', { date: state.data.optedOutAt ? formatDateTime(state.data.optedOutAt) : '—' })}</p>
      {error ? <p className="field-error">{describeError(t, error).formMessage}</p> : null}
      <button type="button" className="button button-small button-secondary" onClick={() => void resume()} disabled={pending} data-testid="contact-automation-resume">
        {t('automation.contact.resume')}
      </button>
    </div>
  );
}
