import { useState } from 'react';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FieldError } from '../../components/FieldError';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormSelectField, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import { followUpChoices, followUpDefaults, followUpForm } from './follow-up-form';

/** "Follow up in …": arms the conversation's follow-up rules for then (1 h, tomorrow, 3 days or a chosen time). */
export function FollowUpDialog({ conversationId, onClose, onArmed }: { conversationId: number; onClose(): void; onArmed(): void }) {
  const t = useT();
  const form = useContractForm(followUpForm, followUpDefaults);
  const [nothingArmed, setNothingArmed] = useState(false);
  const choice = form.watch('choice');
  const onSubmit = form.submit(async (values) => {
    const armed = await call('automation.followUp', { conversationId, ...values });
    // No follow-up rule is on for the number: say so rather than pretend something was scheduled.
    if (armed.length === 0) setNothingArmed(true);
    else {
      onArmed();
      onClose();
    }
  });

  return (
    <Dialog title={t('automation.followUp.title')} onClose={onClose} busy={form.pending} size="small" testId="follow-up-dialog">
      <form noValidate onSubmit={onSubmit}>
        <div className="dialog-body form">
          {form.formMessage ? (
            <Alert tone="error" testId="follow-up-error">
              {form.formMessage}
            </Alert>
          ) : null}
          {nothingArmed ? (
            <Alert tone="info" testId="follow-up-no-rules">
              {t('automation.followUp.noRules')}
            </Alert>
          ) : null}
          <FormSelectField form={form} name="choice" label={t('automation.followUp.when')} options={followUpChoices.map((value) => ({ value, label: t(`automation.followUp.${value}`) }))} testId="follow-up-choice" />
          {choice === 'custom' ? (
            <div className="automation-delay-fields">
              <FormTextField form={form} name="amount" label={t('automation.followUp.amount')} inputMode="numeric" autoComplete="off" testId="follow-up-amount" />
              <FormSelectField form={form} name="unit" label={t('automation.form.delayUnit')} options={(['minutes', 'hours', 'days'] as const).map((unit) => ({ value: unit, label: t(`automation.unit.${unit}`) }))} testId="follow-up-unit" />
            </div>
          ) : null}
          <FieldError id="follow-up-minutes-error" field="inMinutes" message={form.errorOf('inMinutes')} />
        </div>
        <FormDialogFooter submitLabel={t('automation.followUp.submit')} pending={form.pending} onCancel={onClose} testIdPrefix="follow-up" />
      </form>
    </Dialog>
  );
}
