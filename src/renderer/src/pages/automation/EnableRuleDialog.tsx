import { useEffect, useState } from 'react';
import type { AutomationDryRun, AutomationRuleView } from '../../../../shared/automation/types';
import { call, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { DryRunResult } from './DryRunBox';
import type { ApiError } from '../../../../shared/errors';

/** Switching a rule on shows its dry run first: what it would fire for now. */
export function EnableRuleDialog({ rule, onClose }: { rule: AutomationRuleView; onClose(): void }) {
  const t = useT();
  const [dryRun, setDryRun] = useState<AutomationDryRun | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  useEffect(() => {
    let current = true;
    call('automation.dryRun', { trigger: rule.trigger, delayMinutes: rule.delayMinutes, whatsappNumberId: rule.whatsappNumberId }).then(
      (answer) => current && setDryRun(answer),
      (thrown: unknown) => current && setError(toApiError(thrown)),
    );
    return () => {
      current = false;
    };
  }, [rule]);

  async function enable() {
    setPending(true);
    try {
      await call('automation.toggleRule', { id: rule.id });
      onClose();
    } catch (thrown) {
      setError(toApiError(thrown));
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog title={t('automation.enableTitle', { name: rule.name })} onClose={onClose} busy={pending} testId="enable-rule-dialog">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void enable();
        }}
      >
        <div className="dialog-body">
          {error ? <Alert tone="error" testId="enable-rule-error">{describeError(t, error).formMessage}</Alert> : null}
          {dryRun ? <DryRunResult result={dryRun} /> : null}
        </div>
        <div className="dialog-footer">
          <button type="button" className="button button-secondary" onClick={onClose} disabled={pending} data-testid="enable-rule-cancel">
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={pending} data-testid="enable-rule-confirm">
            {t('automation.enableConfirm')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
