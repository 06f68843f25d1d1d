import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupErrorCode, BackupManifest, BackupProgress, BackupReason, BackupSettingsView, BackupsOverview, BackupStage, BackupView } from '../../shared/backups/types';
import type { WakingClock } from '../base/clock';
import type { Logger } from '../base/logger';
import { officeTimeZoneOf } from '../base/office-day';
import type { EventBus } from '../events/event-bus';
import { AppError } from '../rpc/app-error';
import { BackupError, checkFolder, listManifests, pruneMedia } from './backup-folder';
import { readBackupSettings, writeBackupSettings, type BackupSettingsFile } from './backup-settings-file';
import { nextDailyRun } from './daily-time';
import { runFileTask } from './file-worker';
import { readJournal } from './migrations-journal';
import { prepareRestore } from './prepare-restore';
import { backupsToKeep, defaultRetention, type RetentionPolicy } from './retention';
import { takeBackup, type CopyStats } from './take-backup';

export interface BackupServiceDeps {
  dataDir: string;
  migrationsDir: string;
  clock: WakingClock;
  logger: Logger;
  bus: EventBus;
  appVersion: string;
  /** The live database connection (null while a restore swaps it). */
  live(): Database.Database | null;
  /** Stops the core's services, puts `file` in the live database's place, migrates and starts them again; puts the previous one back if that fails. */
  swap(file: string): Promise<void>;
  scryptLogN?: number;
  retention?: RetentionPolicy;
}

/**
 * Backups and restore (issue 20): one operation at a time, each reporting its progress to
 * the office's admins; a daily backup at the admin's time in the office's time zone, on the
 * core's clock; retention after each backup.
 */
export class BackupService {
  private settings: BackupSettingsFile;
  private readonly journal;
  private running: BackupProgress | null = null;
  private current: Promise<unknown> = Promise.resolve();
  private cancelDaily: (() => void) | null = null;
  private nextRunAt: number | null = null;
  private stopped = false;
  /** How the last copy went (its steps, the longest), for the benchmark. */
  lastCopy: CopyStats | null = null;

  constructor(private readonly deps: BackupServiceDeps) {
    this.settings = readBackupSettings(deps.dataDir);
    this.journal = readJournal(deps.migrationsDir);
  }

  /** Arms the daily backup (the core calls it once its services run). */
  start(): void {
    this.stopped = false;
    this.schedule();
  }

  stop(): void {
    this.stopped = true;
    this.cancelDaily?.();
    this.cancelDaily = null;
  }

  /** Settles when the operation under way (if any) has ended. */
  idle(): Promise<void> {
    return this.current.then(
      () => undefined,
      () => undefined,
    );
  }

  overview(): BackupsOverview {
    const folder = this.settings.folder;
    const good: BackupView[] = folder ? listManifests(folder).map(viewOf) : [];
    const backups = [...good, ...this.settings.failures].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
    return { settings: this.settingsView(), backups, running: this.running };
  }

  updateSettings(input: { folder?: string | undefined; dailyTime?: string | undefined; dailyEnabled?: boolean | undefined; passphrase?: string | null | undefined }): Promise<BackupSettingsView> {
    return this.exclusiveSettings(async () => {
      const next = { ...this.settings };
      if (input.folder !== undefined) {
        const folder = path.resolve(input.folder);
        try {
          checkFolder(folder);
        } catch (error) {
          if (error instanceof BackupError) throw refusal(error, 'folder');
          throw error;
        }
        next.folder = folder;
      }
      if (input.dailyTime !== undefined) next.dailyTime = input.dailyTime;
      if (input.dailyEnabled !== undefined) next.dailyEnabled = input.dailyEnabled;
      if (input.passphrase !== undefined && input.passphrase !== this.settings.passphrase) {
        next.passphrase = input.passphrase;
        // A new passphrase starts a new media key: the old key file is under the old passphrase.
        next.mediaKey = null;
        if (input.passphrase) {
          const key = await runFileTask<{ identity: string; recipient: string }>({ kind: 'newIdentity' });
          next.mediaKey = { id: this.deps.clock.now().toString(36), ...key };
        }
      }
      this.settings = next;
      writeBackupSettings(this.deps.dataDir, next);
      this.schedule();
      return this.settingsView();
    });
  }

  /** "Back up now" (and before an update, by the shell): a backup into the chosen folder. */
  backUpNow(reason: BackupReason = 'manual'): Promise<BackupView> {
    return this.exclusive('backup', () => this.backup(reason));
  }

  /** The shell calls this before installing an update. */
  beforeUpdate(): Promise<BackupView> {
    return this.backUpNow('before-update');
  }

  restore(input: { id: string; passphrase?: string | undefined }): Promise<{ restored: BackupView; safetyBackupId: string | null }> {
    return this.exclusive('restore', async () => {
      const folder = this.requireFolder();
      const prepared = await prepareRestore({
        folder,
        id: input.id,
        dataDir: this.deps.dataDir,
        passphrase: input.passphrase ?? this.settings.passphrase,
        journal: this.journal,
        onProgress: (stage, percent) => this.progress('restore', stage, stage === 'media' ? 55 + percent * 0.05 : percent * 0.55, input.id),
      });
      try {
        // Whatever happens next, today's data can be had back.
        const safety = await this.backup('before-restore', 60, 25);
        this.progress('restore', 'swapping', 88, input.id);
        await this.deps.swap(prepared.file);
        // The restored office may keep another time zone.
        this.schedule();
        this.progress('restore', 'done', 100, input.id);
        this.deps.logger.info('backup restored', { id: input.id, safetyBackupId: safety.id });
        return { restored: viewOf(prepared.manifest), safetyBackupId: safety.result === 'ok' ? safety.id : null };
      } finally {
        fs.rmSync(prepared.file, { force: true });
      }
    });
  }

  private async backup(reason: BackupReason, base = 0, span = 100): Promise<BackupView> {
    const folder = this.requireFolder();
    const sqlite = this.deps.live();
    if (!sqlite) throw new BackupError('busy', 'The database is being swapped.');
    const weights: Record<string, [number, number]> = { copying: [0, 55], checking: [55, 15], media: [70, 10], encrypting: [80, 20] };
    const operation = this.running?.operation ?? 'backup';
    const now = this.deps.clock.now();
    try {
      const { manifest, bytes, copy } = await takeBackup({
        sqlite,
        dataDir: this.deps.dataDir,
        folder,
        reason,
        now,
        appVersion: this.deps.appVersion,
        journal: this.journal,
        passphrase: this.settings.passphrase,
        mediaKey: this.settings.mediaKey,
        scryptLogN: this.deps.scryptLogN ?? 18,
        onProgress: (stage, percent) => {
          const [from, width] = weights[stage]!;
          this.progress(operation, stage, base + ((from + (percent * width) / 100) * span) / 100);
        },
      });
      this.lastCopy = copy;
      this.applyRetention(folder);
      if (operation === 'backup') this.progress('backup', 'done', 100, manifest.id);
      return { ...viewOf(manifest), bytes };
    } catch (error) {
      const failure: BackupView = {
        id: `failed-${now}`,
        createdAt: new Date(now).toISOString(),
        reason,
        result: 'failed',
        bytes: 0,
        encrypted: Boolean(this.settings.passphrase),
        appVersion: this.deps.appVersion,
        error: error instanceof Error ? error.message : String(error),
        errorCode: error instanceof BackupError ? error.code : 'io_error',
      };
      this.settings = { ...this.settings, failures: [failure, ...this.settings.failures] };
      writeBackupSettings(this.deps.dataDir, this.settings);
      this.deps.logger.warn('backup failed', { reason, error: failure.error });
      throw error;
    }
  }

  private applyRetention(folder: string): void {
    const manifests = listManifests(folder);
    const sqlite = this.deps.live();
    const zone = sqlite ? officeTimeZoneOf(sqlite) : 'Asia/Riyadh';
    const keep = backupsToKeep(
      manifests.map((m) => ({ id: m.id, at: Date.parse(m.createdAt) })),
      zone,
      this.deps.retention ?? defaultRetention,
    );
    const kept: BackupManifest[] = [];
    for (const m of manifests) {
      if (keep.has(m.id)) kept.push(m);
      else fs.rmSync(path.join(folder, m.id), { recursive: true, force: true });
    }
    pruneMedia(folder, kept);
  }

  private schedule(): void {
    this.cancelDaily?.();
    this.cancelDaily = null;
    this.nextRunAt = null;
    const sqlite = this.deps.live();
    if (this.stopped || !this.settings.folder || !this.settings.dailyEnabled || !sqlite) return;
    const at = nextDailyRun(this.deps.clock.now(), this.settings.dailyTime, officeTimeZoneOf(sqlite));
    this.nextRunAt = at;
    this.cancelDaily = this.deps.clock.wakeAt(at, () => {
      this.cancelDaily = null;
      this.backUpNow('daily')
        .catch((error: unknown) => this.deps.logger.warn('daily backup failed', { error: String(error) }))
        .finally(() => this.schedule());
    });
  }

  private settingsView(): BackupSettingsView {
    const sqlite = this.deps.live();
    return {
      folder: this.settings.folder,
      dailyTime: this.settings.dailyTime,
      dailyEnabled: this.settings.dailyEnabled,
      hasPassphrase: Boolean(this.settings.passphrase),
      timeZone: sqlite ? officeTimeZoneOf(sqlite) : 'Asia/Riyadh',
      nextRunAt: this.nextRunAt === null ? null : new Date(this.nextRunAt).toISOString(),
    };
  }

  private requireFolder(): string {
    if (!this.settings.folder) throw new BackupError('no_folder', 'Choose a backup folder first.');
    checkFolder(this.settings.folder);
    return this.settings.folder;
  }

  private exclusive<T>(operation: 'backup' | 'restore', run: () => Promise<T>): Promise<T> {
    if (this.running) return Promise.reject(refusal(new BackupError('busy', 'A backup or a restore is already running.')));
    this.running = { operation, stage: operation === 'backup' ? 'copying' : 'checking', percent: 0 };
    this.publish(this.running);
    const work = (async () => {
      try {
        return await run();
      } catch (error) {
        const code: BackupErrorCode = error instanceof BackupError ? error.code : 'io_error';
        this.progress(operation, 'failed', this.running?.percent ?? 0, undefined, code);
        throw error instanceof BackupError ? refusal(error) : error;
      } finally {
        this.running = null;
      }
    })();
    this.current = work;
    return work;
  }

  private exclusiveSettings<T>(run: () => Promise<T>): Promise<T> {
    const work = this.current.then(run, run);
    return work;
  }

  private lastPublished = -1;
  private progress(operation: 'backup' | 'restore', stage: BackupStage, percent: number, backupId?: string, errorCode?: BackupErrorCode): void {
    const rounded = Math.max(0, Math.min(100, Math.floor(percent)));
    const next: BackupProgress = { operation, stage, percent: rounded, ...(backupId ? { backupId } : {}), ...(errorCode ? { errorCode } : {}) };
    const changed = !this.running || this.running.stage !== stage || rounded !== this.lastPublished;
    if (this.running) this.running = next;
    if (!changed) return;
    this.lastPublished = rounded;
    this.publish(next);
  }

  private adminIds: number[] = [];
  private publish(progress: BackupProgress): void {
    const sqlite = this.deps.live();
    // While the database is swapped, the admins known just before.
    if (sqlite?.open) this.adminIds = (sqlite.prepare("select id from users where role = 'admin' and is_active = 1").all() as { id: number }[]).map((r) => r.id);
    this.deps.bus.publish('backups.progress', progress, { kind: 'users', userIds: this.adminIds });
  }
}

function viewOf(m: BackupManifest): BackupView {
  return {
    id: m.id,
    createdAt: m.createdAt,
    reason: m.reason,
    result: 'ok',
    bytes: m.database.bytes,
    encrypted: m.database.encrypted,
    appVersion: m.appVersion,
  };
}

/** A backup error as the seed's error: a field error for the folder, else UNPROCESSABLE_ENTITY / CONFLICT with the reason code. */
function refusal(error: BackupError, field?: string): AppError {
  if (field) return new AppError('VALIDATION_ERROR', [{ field, code: error.code === 'folder_not_writable' ? 'folder_not_writable' : 'folder_missing', message: error.message }]);
  const code = error.code === 'busy' ? 'CONFLICT' : error.code === 'not_found' ? 'NOT_FOUND' : 'UNPROCESSABLE_ENTITY';
  return new AppError(code, error.code, undefined, error.message);
}
