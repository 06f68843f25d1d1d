import type { ViewingView } from '../../../../shared/viewings/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';
import { rescheduleViewingForm } from './viewing-forms';

/** A new office date and time for a live viewing, with the booking's checks. */
export function RescheduleDialog({ viewing, onClose }: { viewing: ViewingView; onClose(): void }) {
  const t = useT();
  const form = useContractForm(rescheduleViewingForm, {
    id: viewing.id,
    date: viewing.officeDate,
    time: viewing.officeTime,
    durationMinutes: String(viewing.durationMinutes),
    outsideHoursReason: viewing.outsideHoursReason ?? '',
  });
  const bound = form;
  const submit = form.submit(async (values) => {
    await call('viewings.reschedule', values);
    onClose();
  });
  return (
    <Dialog title={t('viewings.rescheduleTitle')} onClose={onClose} busy={form.pending} testId="reschedule-viewing-dialog">
      <form onSubmit={(event) => void submit(event)} noValidate>
        <div className="dialog-body">
          {form.formMessage ? (
            <Alert tone="error" testId="reschedule-viewing-error">
              {form.formMessage}
            </Alert>
          ) : null}
          <div className="form-row">
            <FormTextField form={bound} name="date" type="date" latin label={t('viewings.date')} testId="reschedule-viewing-date" />
            <FormTextField form={bound} name="time" type="time" latin label={t('viewings.time')} testId="reschedule-viewing-time" />
            <FormTextField form={bound} name="durationMinutes" inputMode="numeric" latin label={t('viewings.duration')} testId="reschedule-viewing-duration" />
          </div>
          <FormTextField form={bound} name="outsideHoursReason" label={t('viewings.outsideHoursReason')} hint={t('viewings.outsideHoursHint')} testId="reschedule-viewing-reason" />
        </div>
        <FormDialogFooter submitLabel={t('viewings.rescheduleSubmit')} pending={form.pending} onCancel={onClose} testIdPrefix="reschedule-viewing" />
      </form>
    </Dialog>
  );
}
