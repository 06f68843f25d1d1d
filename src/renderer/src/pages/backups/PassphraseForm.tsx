import { useState } from 'react';
import { updateBackupSettingsInput } from '../../../../shared/backups/schemas';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { SubmitButton } from '../../components/SubmitButton';
import { FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useT } from '../../i18n/use-t';

type Notice = 'backups.passphraseSaved' | 'backups.passphraseRemoved';

/** Sets the passphrase backups are encrypted with (age, scrypt), or stops encrypting. */
export function PassphraseForm({ hasPassphrase, onSaved }: { hasPassphrase: boolean; onSaved(): void }) {
  const t = useT();
  const [notice, setNotice] = useState<Notice | null>(null);
  const form = useContractForm(updateBackupSettingsInput, { passphrase: '' });
  const onSubmit = form.submit(async (values) => {
    await call('backups.updateSettings', { passphrase: values.passphrase ?? null });
    form.reset({ passphrase: '' });
    setNotice('backups.passphraseSaved');
    onSaved();
  });
  const remove = async () => {
    await call('backups.updateSettings', { passphrase: null });
    setNotice('backups.passphraseRemoved');
    onSaved();
  };
  return (
    <form className="backup-passphrase" onSubmit={(event) => void onSubmit(event)} noValidate data-testid="backup-passphrase-form">
      <p className="card-intro" data-testid="backup-encryption-state">
        {t(hasPassphrase ? 'backups.passphraseOn' : 'backups.passphraseOff')}
      </p>
      {form.formMessage ? <Alert tone="error" testId="backup-passphrase-error">{form.formMessage}</Alert> : null}
      {notice ? <Alert tone="success" testId="backup-passphrase-saved">{t(notice)}</Alert> : null}
      <FormTextField form={form} name="passphrase" type="password" autoComplete="new-password" label={t('backups.passphrase')} hint={t('backups.passphraseHint')} testId="backup-passphrase" latin />
      <div className="backup-actions">
        <SubmitButton label={t('backups.setPassphrase')} pending={form.pending} testId="backup-passphrase-save" />
        {hasPassphrase ? (
          <button type="button" className="button button-ghost" onClick={() => void remove()} data-testid="backup-passphrase-remove">
            {t('backups.removePassphrase')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
