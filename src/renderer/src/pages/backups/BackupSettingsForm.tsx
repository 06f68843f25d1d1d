import { useState } from 'react';
import { updateBackupSettingsInput } from '../../../../shared/backups/schemas';
import type { BackupSettingsView } from '../../../../shared/backups/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { SubmitButton } from '../../components/SubmitButton';
import { FormCheckbox, FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';

/** The folder (checked by the core: it must exist and be writable) and the daily time in the office's zone. */
export function BackupSettingsForm({ settings, onSaved }: { settings: BackupSettingsView; onSaved(): void }) {
  const t = useT();
  const [saved, setSaved] = useState(false);
  const form = useContractForm(updateBackupSettingsInput, { folder: settings.folder ?? '', dailyTime: settings.dailyTime, dailyEnabled: settings.dailyEnabled });
  const onSubmit = form.submit(async (values) => {
    setSaved(false);
    await call('backups.updateSettings', values);
    setSaved(true);
    onSaved();
  });
  return (
    <form className="backup-settings" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="backup-settings-form">
      {form.formMessage ? <Alert tone="error" testId="backup-settings-error">{form.formMessage}</Alert> : null}
      {saved ? <Alert tone="success" testId="backup-settings-saved">{t('backups.saved')}</Alert> : null}
      <FormTextField form={form} name="folder" label={t('backups.folder')} hint={t('backups.folderHint')} testId="backup-folder" latin />
      <div className="backup-settings-row">
        <FormTextField form={form} name="dailyTime" type="time" label={t('backups.dailyTime')} hint={t('backups.dailyTimeHint', { zone: settings.timeZone })} testId="backup-daily-time" latin />
        <FormCheckbox form={form} name="dailyEnabled" label={t('backups.dailyEnabled')} testId="backup-daily-enabled" />
      </div>
      <SubmitButton label={t('backups.save')} pending={form.pending} testId="backup-settings-save" />
    </form>
  );
}
