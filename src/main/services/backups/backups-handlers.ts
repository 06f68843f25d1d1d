import type { backupsChannels } from '../../../shared/backups/contract';
import type { BackupService } from '../../backups/backup-service';
import type { HandlerMap } from '../../rpc/handler-map';

/** Binds the backups slice's channels to the backup service (admins only, by the contract). */
export function backupsHandlers(s: { backups: BackupService }): HandlerMap<typeof backupsChannels> {
  return {
    'backups.list': () => s.backups.overview(),
    'backups.updateSettings': (input) => s.backups.updateSettings(input),
    'backups.run': () => s.backups.backUpNow('manual'),
    'backups.restore': (input) => s.backups.restore(input),
  };
}
