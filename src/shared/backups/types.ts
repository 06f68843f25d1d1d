/** Why a backup was taken. */
export type BackupReason = 'daily' | 'manual' | 'before-restore' | 'before-update';

/**
 * What a backup says of itself (`manifest.json` beside its database file). Kept readable even
 * when the database is encrypted, so the list shows it without the passphrase; the sha256 is of
 * the file as written (the encrypted one, if encrypted), so a changed byte is found before
 * anything is decrypted.
 */
export interface BackupManifest {
  format: 1;
  id: string;
  createdAt: string;
  reason: BackupReason;
  appVersion: string;
  /** The newest migration in the database: its tag (when this app knows it) and drizzle's timestamp. */
  lastMigration: { tag: string | null; when: number };
  /** Rows per table at the moment of the copy. */
  tables: Record<string, number>;
  database: { file: string; bytes: number; sha256: string; encrypted: boolean };
  /** Media files (content hashes) the database refers to and the backup folder holds. */
  media: { hashes: string[]; copied: number; folder: string };
}

export type BackupResult = 'ok' | 'failed';

/** One row of the Backups page. */
export interface BackupView {
  id: string;
  createdAt: string;
  reason: BackupReason;
  result: BackupResult;
  /** Database file plus this backup's new media files, in bytes (0 for a failed one). */
  bytes: number;
  encrypted: boolean;
  appVersion: string | null;
  /** Why it failed, in English for the log (the page shows its own words by `errorCode`). */
  error?: string;
  errorCode?: BackupErrorCode;
}

/** Reasons a backup or a restore is refused or fails; the renderer words each in Arabic and English. */
export const backupErrorCodes = [
  'folder_missing',
  'folder_not_writable',
  'no_folder',
  'busy',
  'check_failed',
  'wrong_passphrase',
  'passphrase_required',
  'damaged',
  'newer_schema',
  'migration_failed',
  'not_found',
  'io_error',
] as const;
export type BackupErrorCode = (typeof backupErrorCodes)[number];

export interface BackupSettingsView {
  folder: string | null;
  /** HH:MM in the office's time zone. */
  dailyTime: string;
  dailyEnabled: boolean;
  hasPassphrase: boolean;
  timeZone: string;
  /** When the next daily backup runs (ISO), or null when none is set. */
  nextRunAt: string | null;
}

export type BackupStage = 'copying' | 'checking' | 'encrypting' | 'media' | 'decrypting' | 'swapping' | 'migrating' | 'done' | 'failed';

export interface BackupProgress {
  operation: 'backup' | 'restore';
  stage: BackupStage;
  /** 0–100 over the whole operation. */
  percent: number;
  backupId?: string;
  errorCode?: BackupErrorCode;
}

export interface BackupsOverview {
  settings: BackupSettingsView;
  backups: BackupView[];
  running: BackupProgress | null;
}
