import fs from 'node:fs';
import path from 'node:path';
import type { BackupView } from '../../shared/backups/types';
import { makePrivateFile } from '../base/private-files';

/**
 * The backup settings live in a file in the data folder, not in the database: a restore must
 * not take the backup folder, the daily time or the passphrase back to what they were when the
 * backup was taken, and failed attempts must stay listed after one. Private to the account
 * (0600), like the database it protects.
 */
export interface BackupSettingsFile {
  folder: string | null;
  dailyTime: string;
  dailyEnabled: boolean;
  passphrase: string | null;
  /** The age identity media files are encrypted to (fast X25519, one scrypt for its key file). */
  mediaKey: { id: string; identity: string; recipient: string } | null;
  /** Backups that failed (the folder lists the good ones), newest first. */
  failures: BackupView[];
}

export const backupSettingsFileName = 'backups.json';

const defaults: BackupSettingsFile = { folder: null, dailyTime: '03:00', dailyEnabled: true, passphrase: null, mediaKey: null, failures: [] };

export function readBackupSettings(dataDir: string): BackupSettingsFile {
  try {
    const parsed = JSON.parse(fs.readFileSync(path.join(dataDir, backupSettingsFileName), 'utf8')) as Partial<BackupSettingsFile>;
    return { ...defaults, ...parsed };
  } catch {
    return { ...defaults };
  }
}

export function writeBackupSettings(dataDir: string, settings: BackupSettingsFile): void {
  const file = path.join(dataDir, backupSettingsFileName);
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify({ ...settings, failures: settings.failures.slice(0, 50) }, null, 2), { mode: 0o600 });
  makePrivateFile(tmp);
  fs.renameSync(tmp, file);
}
