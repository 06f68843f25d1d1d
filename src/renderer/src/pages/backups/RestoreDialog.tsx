import { z } from 'zod';
import { restoreBackupInput } from '../../../../shared/backups/schemas';
import type { BackupProgress, BackupView } from '../../../../shared/backups/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { FormDialogFooter } from '../../components/FormDialogFooter';
import { FormTextField } from '../../forms/FormFields';
import { useContractForm } from '../../forms/use-contract-form';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { BackupProgressBar } from './BackupProgressBar';
import { formatOfficeDateTime } from './office-time';

/** The contract's restore input as far as the admin types it: the passphrase, left empty for "the saved one". */
const restoreForm = restoreBackupInput.pick({ passphrase: true }).extend({ passphrase: z.string().max(200).optional() });

/** Confirms a restore (what it replaces, that WhatsApp numbers re-link by QR), asks the passphrase of an encrypted backup, shows progress. */
export function RestoreDialog({ backup, timeZone, progress, onClose, onRestored }: { backup: BackupView; timeZone: string; progress: BackupProgress | null; onClose(): void; onRestored(): void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const form = useContractForm(restoreForm, { passphrase: '' });
  const onSubmit = form.submit(async ({ passphrase }) => {
    await call('backups.restore', { id: backup.id, confirm: true, ...(passphrase ? { passphrase } : {}) });
    onRestored();
  });
  const running = form.pending && progress?.operation === 'restore' ? progress : null;
  return (
    <Dialog title={t('backups.restoreTitle', { when: formatOfficeDateTime(backup.createdAt, language, timeZone) })} onClose={onClose} busy={form.pending} testId="restore-dialog">
      <form onSubmit={(event) => void onSubmit(event)} noValidate>
        <div className="dialog-body restore-body">
        <Alert tone="info" testId="restore-warning">
          {t('backups.restoreWarning')}
        </Alert>
        <p className="card-intro" data-testid="restore-whatsapp-note">
          {t('backups.restoreWhatsapp')}
        </p>
        {form.formMessage ? <Alert tone="error" testId="restore-error">{form.formMessage}</Alert> : null}
        {backup.encrypted ? (
          <FormTextField form={form} name="passphrase" type="password" autoComplete="off" label={t('backups.restorePassphrase')} hint={t('backups.restorePassphraseHint')} testId="restore-passphrase" latin />
        ) : null}
        {running ? <BackupProgressBar progress={running} /> : null}
        </div>
        <FormDialogFooter submitLabel={t('backups.restoreConfirm')} pending={form.pending} onCancel={onClose} testIdPrefix="restore" />
      </form>
    </Dialog>
  );
}
