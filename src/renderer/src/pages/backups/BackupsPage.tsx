import { useState } from 'react';
import type { BackupView } from '../../../../shared/backups/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { useSubmit } from '../../hooks/use-submit';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { BackupProgressBar } from './BackupProgressBar';
import { BackupSettingsForm } from './BackupSettingsForm';
import { BackupsTable } from './BackupsTable';
import { formatOfficeDateTime } from './office-time';
import { PassphraseForm } from './PassphraseForm';
import { RestoreDialog } from './RestoreDialog';
import { useBackups } from './use-backups';

/** Set by a restore just before the page reloads, so the reloaded page can say it worked. */
const restoredFlag = 'meras.backups.restored';
const noFields: readonly string[] = [];

/** Settings → Backups (admins): the folder and the daily time, the passphrase, "back up now", and restoring. */
export function BackupsPage() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const { overview, progress, reload } = useBackups();
  const [restoring, setRestoring] = useState<BackupView | null>(null);
  const [restored] = useState(() => {
    const flag = sessionStorage.getItem(restoredFlag);
    sessionStorage.removeItem(restoredFlag);
    return flag !== null;
  });
  const backUp = useSubmit(noFields);
  const running = progress && progress.stage !== 'done' && progress.stage !== 'failed' ? progress : null;

  const onRestored = () => {
    // Every open list now shows data the restore replaced: start the app over on the restored database.
    sessionStorage.setItem(restoredFlag, '1');
    window.location.reload();
  };

  if (!overview) return <div className="page" aria-busy="true" />;
  const { settings } = overview;
  return (
    <div className="page backups-page" data-testid="backups-page">
      <PageHeader
        title={t('backups.title')}
        intro={t('backups.intro')}
        actions={
          <button
            type="button"
            className="button button-primary"
            disabled={!settings.folder || running !== null || backUp.pending}
            onClick={() => void backUp.run(() => call('backups.run', {})).then(() => reload())}
            data-testid="backup-now"
          >
            {t('backups.backUpNow')}
          </button>
        }
      />
      {restored ? <Alert tone="success" testId="backup-restored">{t('backups.restored')}</Alert> : null}
      {backUp.shown.formMessage ? <Alert tone="error" testId="backup-error">{backUp.shown.formMessage}</Alert> : null}
      {!settings.folder ? <Alert tone="info" testId="backup-no-folder">{t('backups.noFolder')}</Alert> : null}
      {running && !restoring ? <BackupProgressBar progress={running} /> : null}

      <section className="card" aria-labelledby="backup-settings-title">
        <h2 className="card-title" id="backup-settings-title">
          {t('backups.settings')}
        </h2>
        <BackupSettingsForm settings={settings} onSaved={() => void reload()} />
        {settings.nextRunAt ? (
          <p className="card-intro" data-testid="backup-next-run">
            {t('backups.nextRun', { when: formatOfficeDateTime(settings.nextRunAt, language, settings.timeZone) })}
          </p>
        ) : null}
        <PassphraseForm hasPassphrase={settings.hasPassphrase} onSaved={() => void reload()} />
      </section>

      <section className="card table-card" aria-labelledby="backup-list-title">
        <h2 className="card-title" id="backup-list-title">
          {t('backups.list')}
        </h2>
        <p className="card-intro">{t('backups.keeps')}</p>
        <BackupsTable backups={overview.backups} timeZone={settings.timeZone} busy={running !== null} onRestore={setRestoring} />
      </section>

      {restoring ? <RestoreDialog backup={restoring} timeZone={settings.timeZone} progress={progress} onClose={() => setRestoring(null)} onRestored={onRestored} /> : null}
    </div>
  );
}
