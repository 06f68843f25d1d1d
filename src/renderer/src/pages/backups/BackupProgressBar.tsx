import type { BackupProgress } from '../../../../shared/backups/types';
import { useT } from '../../i18n/use-t';

/** How far a backup or a restore has come, announced politely to screen readers. */
export function BackupProgressBar({ progress }: { progress: BackupProgress }) {
  const t = useT();
  const operation = t(`backups.operation.${progress.operation}`);
  return (
    <div className="backup-progress" role="status" data-testid="backup-progress" data-stage={progress.stage}>
      <div className="backup-progress-text">
        <span>{t(`backups.stage.${progress.stage}`)}</span>
        <span>{t('backups.progressLabel', { operation, percent: progress.percent })}</span>
      </div>
      <div className="progress" role="progressbar" aria-label={operation} aria-valuemin={0} aria-valuemax={100} aria-valuenow={progress.percent}>
        <span className="progress-fill" style={{ inlineSize: `${progress.percent}%` }} />
      </div>
    </div>
  );
}
