import { adminOnly, channel } from '../contract-kit';
import * as s from './schemas';
import type { BackupProgress, BackupSettingsView, BackupsOverview, BackupView } from './types';

/** Backups of the office's database and files, and restoring one (issue 20). Admins only. */
export const backupsChannels = {
  'backups.list': channel<BackupsOverview>()({ input: s.backupsListInput, access: adminOnly, kind: 'read' }),
  'backups.updateSettings': channel<BackupSettingsView>()({ input: s.updateBackupSettingsInput, access: adminOnly, kind: 'write' }),
  'backups.run': channel<BackupView>()({ input: s.runBackupInput, access: adminOnly, kind: 'write' }),
  'backups.restore': channel<{ restored: BackupView; safetyBackupId: string | null }>()({ input: s.restoreBackupInput, access: adminOnly, kind: 'write' }),
} as const;

export interface BackupsEvents {
  /** A backup or a restore moved on; admins' Backups pages show it. */
  'backups.progress': BackupProgress;
}
