import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupManifest, BackupReason } from '../../shared/backups/types';
import { BackupError, checkFolder, keyFileName, manifestFileName, mediaFolderFor, newBackupId } from './backup-folder';
import { runFileTask, type SealResult } from './file-worker';
import { tagOf, type JournalEntry } from './migrations-journal';

export interface TakeBackupOptions {
  sqlite: Database.Database;
  dataDir: string;
  folder: string;
  reason: BackupReason;
  now: number;
  appVersion: string;
  journal: JournalEntry[];
  passphrase: string | null;
  /** Needed with a passphrase: media are encrypted to it. */
  mediaKey: { id: string; identity: string; recipient: string } | null;
  /** scrypt's work factor (2^logN); 18 as age's own tool uses, lower only in tests. */
  scryptLogN: number;
  onProgress(stage: 'copying' | 'checking' | 'media' | 'encrypting', percent: number): void;
}

/** How long one step of the copy may hold the event loop; the next step's page count follows it. */
const stepBudgetMs = 4;

/**
 * An online backup: SQLite's backup API copies the live database page by page on the core's
 * own connection (so messages written meanwhile are carried into the copy, not a restart),
 * in steps sized to a few milliseconds with the event loop free in between. The copy is
 * written under a temporary name, checked (`quick_check`) and counted in a worker, encrypted
 * there if a passphrase is set, and only then renamed to its id: a folder named like a backup
 * is always a whole one.
 */
export async function takeBackup(o: TakeBackupOptions): Promise<{ manifest: BackupManifest; bytes: number; copy: CopyStats }> {
  checkFolder(o.folder);
  const id = newBackupId(o.folder, o.now);
  const partial = path.join(o.folder, `.${id}.partial`);
  fs.mkdirSync(partial);
  try {
    const plainDb = path.join(partial, 'meras.db');
    const copy = await copyInSteps(o.sqlite, plainDb, (percent) => o.onProgress('copying', percent));
    o.onProgress('checking', 0);
    const sealed = await runFileTask<SealResult>({ kind: 'seal', file: plainDb, passphrase: o.passphrase, logN: o.scryptLogN }, (p, stage) =>
      o.onProgress(stage === 'encrypting' ? 'encrypting' : 'checking', p),
    );
    if (sealed.problems.length > 0) throw new BackupError('check_failed', `The copy failed quick_check: ${sealed.problems.slice(0, 3).join('; ')}`);
    const media = await copyNewMedia(o, (p) => o.onProgress('media', p));
    const dbFile = sealed.output;
    const sha256 = sealed.sha256;
    const check = sealed;
    const dbBytes = fs.statSync(dbFile).size;
    const manifest: BackupManifest = {
      format: 1,
      id,
      createdAt: new Date(o.now).toISOString(),
      reason: o.reason,
      appVersion: o.appVersion,
      lastMigration: { tag: tagOf(o.journal, check.lastMigrationWhen), when: check.lastMigrationWhen },
      tables: check.tables,
      database: { file: path.basename(dbFile), bytes: dbBytes, sha256, encrypted: Boolean(o.passphrase) },
      media: { hashes: media.hashes, copied: media.copied, folder: media.folder },
    };
    fs.writeFileSync(path.join(partial, manifestFileName), JSON.stringify(manifest, null, 2));
    fs.renameSync(partial, path.join(o.folder, id));
    return { manifest, bytes: dbBytes + media.bytes, copy };
  } catch (error) {
    fs.rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

export interface CopyStats {
  steps: number;
  /** The longest single step of the copy: how long it held the event loop. */
  longestStepMs: number;
  /** The last step, which commits the copy (and syncs it). */
  lastStepMs: number;
}

/** Flush what the copy wrote every this many bytes, from the thread pool, so its last step's fsync finds little left. */
const syncEveryBytes = 64 * 2 ** 20;

/**
 * `sqlite.backup` in steps of about `stepBudgetMs`. A step is timed on its own: a zero-delay
 * callback queued in the progress handler runs just before better-sqlite3's next step (both
 * are queued back to back), so ingest work in between is not counted against the budget.
 */
async function copyInSteps(sqlite: Database.Database, file: string, onProgress: (percent: number) => void): Promise<CopyStats> {
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  let pages = 64;
  let stepStarted: number | null = null;
  let steps = 0;
  let longestStepMs = 0;
  let lastStepMs = 0;
  let unsynced = 0;
  let syncing: Promise<void> | null = null;
  let finalFlushed = false;
  const flush = async () => {
    const handle = await fs.promises.open(file, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  };
  const result = sqlite.backup(file, {
    progress({ totalPages, remainingPages }) {
      const now = performance.now();
      steps++;
      if (stepStarted !== null) {
        const took = now - stepStarted;
        longestStepMs = Math.max(longestStepMs, took);
        // Grow or shrink the next step toward the budget; never below a few pages.
        pages = Math.max(16, Math.min(20_000, Math.round(pages * Math.min(2, stepBudgetMs / Math.max(took, 0.05)))));
      }
      // Before the last step (which commits and syncs the copy), flush what was written from the
      // thread pool and copy nothing until it is done, so that step's own fsync has little left.
      if (remainingPages <= pages && !finalFlushed) {
        finalFlushed = true;
        syncing = (syncing ?? Promise.resolve())
          .then(flush)
          .catch(() => undefined)
          .finally(() => (syncing = null));
      }
      if (syncing && finalFlushed) {
        setImmediate(() => (stepStarted = performance.now()));
        return 0;
      }
      unsynced += pages * pageSize;
      if (unsynced >= syncEveryBytes && !syncing) {
        unsynced = 0;
        syncing = flush()
          .catch(() => undefined)
          .finally(() => (syncing = null));
      }
      onProgress(totalPages > 0 ? ((totalPages - remainingPages) / totalPages) * 100 : 100);
      setImmediate(() => (stepStarted = performance.now()));
      return pages;
    },
  });
  // The last step calls no progress handler: it ends when the promise settles (in the same turn).
  await result;
  if (stepStarted !== null) {
    lastStepMs = performance.now() - stepStarted;
    longestStepMs = Math.max(longestStepMs, lastStepMs);
  }
  await syncing;
  return { steps, longestStepMs, lastStepMs };
}

/** Media files of the data folder the backup folder lacks, by content hash; encrypted to the media key with a passphrase. */
async function copyNewMedia(o: TakeBackupOptions, onProgress: (percent: number) => void) {
  const source = path.join(o.dataDir, 'media');
  const hashes = fs.existsSync(source) ? fs.readdirSync(source).filter((name) => /^[0-9a-f]{64}$/.test(name)) : [];
  const encrypted = Boolean(o.passphrase && o.mediaKey);
  const folder = mediaFolderFor(encrypted ? o.mediaKey!.id : null);
  const target = path.join(o.folder, folder);
  fs.mkdirSync(target, { recursive: true });
  if (encrypted && !fs.existsSync(path.join(target, keyFileName))) {
    // The media key, under the passphrase: the standard age tool opens media with `age -d -i key.age`.
    await runFileTask({ kind: 'encryptText', text: `${o.mediaKey!.identity}\n`, output: path.join(target, keyFileName), passphrase: o.passphrase!, logN: o.scryptLogN });
  }
  const missing = hashes.filter((hash) => !fs.existsSync(path.join(target, encrypted ? `${hash}.age` : hash)));
  let bytes = 0;
  for (const hash of missing) bytes += fs.statSync(path.join(source, hash)).size;
  if (encrypted) {
    if (missing.length > 0) {
      await runFileTask({ kind: 'encryptFilesTo', pairs: missing.map((h) => [path.join(source, h), path.join(target, `${h}.age`)]), recipient: o.mediaKey!.recipient }, onProgress);
    }
  } else {
    let done = 0;
    for (const hash of missing) {
      const to = path.join(target, hash);
      await fs.promises.copyFile(path.join(source, hash), `${to}.part`);
      await fs.promises.rename(`${to}.part`, to);
      onProgress((++done / missing.length) * 100);
    }
  }
  return { hashes, copied: missing.length, folder, bytes };
}
