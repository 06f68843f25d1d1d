import { useState } from 'react';
import { createNotificationFromForm, notificationAudiences, sendNotificationForm } from '../../../../shared/notifications/schemas';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormSelectField, FormTextAreaField, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import type { MessageKey } from '../../i18n/dictionary';
import { useLanguageStore } from '../../i18n/language-store';
import { plural } from '../../i18n/plural';
import { useT } from '../../i18n/use-t';

const defaults = { to: 'everyone', title: '', body: '' } as const;

/** Seed 000 create-for-admins: an admin writes to the whole team or to one role; each reads it per their own settings. */
export function SendNotificationDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const form = useContractForm(sendNotificationForm, defaults);
  const [sent, setSent] = useState<number | null>(null);
  // The bound fields take any contract form; this one's narrower value type is widened for them.
  const fields = form as unknown as Parameters<typeof FormTextField>[0]['form'];
  const options = notificationAudiences.map((to) => ({ value: to, label: t(`notificationSend.to.${to}` as MessageKey) }));

  const onSubmit = form.submit(async (values) => {
    const { sent: count } = await call('notifications.create', createNotificationFromForm(values));
    setSent(count);
    form.reset(defaults);
  });

  return (
    <Dialog title={t('notificationSend.title')} onClose={onClose} busy={form.pending} testId="send-notification-dialog">
      <form noValidate onSubmit={(event) => void onSubmit(event)} data-testid="send-notification-form">
        <div className="dialog-body form">
          {form.formMessage ? <Alert tone="error" testId="send-notification-error">{form.formMessage}</Alert> : null}
          {sent !== null ? (
            <Alert tone="success" testId="send-notification-sent">
              {plural(t, language, 'notificationSend.sent', sent)}
            </Alert>
          ) : null}
          <FormSelectField form={fields} name="to" label={t('notificationSend.to')} options={options} testId="send-notification-to" />
          <FormTextField form={fields} name="title" label={t('notificationSend.field.title')} testId="send-notification-title" />
          <FormTextAreaField form={fields} name="body" label={t('notificationSend.field.body')} rows={4} testId="send-notification-body" />
        </div>
        <FormDialogFooter submitLabel={t('notificationSend.submit')} pending={form.pending} onCancel={onClose} testIdPrefix="send-notification" />
      </form>
    </Dialog>
  );
}
