import type { BackupView } from '../../../../shared/backups/types';
import { Badge } from '../../components/Badge';
import { formatBytes } from '../../format/bytes';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { formatOfficeDateTime } from './office-time';

/**
 * The backups in the folder and the failed attempts, newest first. Retention bounds the list
 * (7 daily, 4 weekly, 6 monthly, plus the last 50 failures), so a plain table serves.
 */
export function BackupsTable({ backups, timeZone, busy, onRestore }: { backups: BackupView[]; timeZone: string; busy: boolean; onRestore(backup: BackupView): void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  if (backups.length === 0) return <p className="table-empty" data-testid="backups-empty">{t('backups.empty')}</p>;
  return (
    <table className="table" data-testid="backups-table">
      <thead>
        <tr>
          <th scope="col">{t('backups.col.date')}</th>
          <th scope="col">{t('backups.col.kind')}</th>
          <th scope="col">{t('backups.col.size')}</th>
          <th scope="col">{t('backups.col.result')}</th>
          <th scope="col">
            <span className="visually-hidden">{t('backups.col.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {backups.map((backup) => (
          <tr key={backup.id} data-testid="backup-row" data-backup-id={backup.id} data-result={backup.result}>
            <td>{formatOfficeDateTime(backup.createdAt, language, timeZone)}</td>
            <td>{t(`backups.reason.${backup.reason}`)}</td>
            <td className="latin-digits">{backup.result === 'ok' ? formatBytes(backup.bytes, language) : '—'}</td>
            <td>
              <span className="backup-badges">
                <Badge tone={backup.result === 'ok' ? 'green' : 'red'} testId="backup-result">
                  {t(`backups.result.${backup.result}`)}
                </Badge>
                {backup.result === 'ok' && backup.encrypted ? <Badge tone="blue">{t('backups.encrypted')}</Badge> : null}
              </span>
              {backup.result === 'failed' && backup.errorCode ? <span className="backup-failure">{t(`reason.${backup.errorCode}`)}</span> : null}
            </td>
            <td className="table-actions">
              {backup.result === 'ok' ? (
                <button type="button" className="button button-secondary button-small" disabled={busy} onClick={() => onRestore(backup)} data-testid="backup-restore">
                  {t('backups.restore')}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
