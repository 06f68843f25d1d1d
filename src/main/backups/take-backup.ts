import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import type { BackupManifest, BackupReason } from '../../shared/backups/types';
import { flushDeferredWrites } from '../db/deferred-writes';
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

/**
 * An online backup: a worker copies the live database as it was at one instant (SQLite's
 * backup API on its own connection, `copyInWorker`) while the core goes on taking in
 * messages. The copy is written under a temporary name, checked (`quick_check`) and counted in a worker, encrypted
 * there if a passphrase is set, and only then renamed to its id: a folder named like a backup
 * is always a whole one.
 */
export async function takeBackup(o: TakeBackupOptions): Promise<{ manifest: BackupManifest; bytes: number; copy: CopyStats }> {
  checkFolder(o.folder);
  // Counts a service holds back (the dashboard's staged ones) belong in the copy.
  flushDeferredWrites(o.sqlite);
  const id = newBackupId(o.folder, o.now);
  const partial = path.join(o.folder, `.${id}.partial`);
  fs.mkdirSync(partial);
  try {
    const plainDb = path.join(partial, 'meras.db');
    const { copy, sealed } = await withoutWriterCheckpoints(o.sqlite, async () => {
      const copied = await copyInWorker(o.sqlite, plainDb, (percent) => o.onProgress('copying', percent));
      o.onProgress('checking', 0);
      const checked = await runFileTask<SealResult>({ kind: 'seal', file: plainDb, passphrase: o.passphrase, logN: o.scryptLogN }, (p, stage) =>
        o.onProgress(stage === 'encrypting' ? 'encrypting' : 'checking', p),
      );
      return { copy: copied, sealed: checked };
    });
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

/**
 * While the copy is made and checked, the core's own commits do not checkpoint. The copy's read
 * transaction keeps the WAL from starting over, so it may reach the writer's backstop then, and
 * that checkpoint syncs the WAL inside a commit: measured at 270 ms with the copy's writes
 * queued on the same disk (ext4 syncs them together). The background worker goes on copying
 * what it can; the WAL is checkpointed as usual once the backup is written.
 */
async function withoutWriterCheckpoints<T>(sqlite: Database.Database, work: () => Promise<T>): Promise<T> {
  const backstop = sqlite.pragma('wal_autocheckpoint', { simple: true }) as number;
  sqlite.pragma('wal_autocheckpoint = 0');
  try {
    return await work();
  } finally {
    if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${backstop}`);
  }
}

export interface CopyStats {
  /** How long the snapshot took, in the worker: the event loop was free all along. */
  copyMs: number;
}

/** The copy is flushed to disk every this many bytes (see the worker's `snapshot`). */
const flushEveryBytes = 32 * 2 ** 20;

/** How often the copy's growing file is measured for the progress bar. */
const progressEveryMs = 250;

/**
 * The copy is SQLite's backup API on the worker's own read-only connection, inside one read
 * transaction, so it is the database as it was at one instant whatever is written meanwhile.
 * The database is in WAL mode, so the core keeps writing while the worker reads, and its event
 * loop never waits for the copy or its fsync.
 */
async function copyInWorker(sqlite: Database.Database, file: string, onProgress: (percent: number) => void): Promise<CopyStats> {
  const started = performance.now();
  const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
  const total = Math.max(1, (sqlite.pragma('page_count', { simple: true }) as number) * pageSize);
  onProgress(0);
  let copying = true;
  const timer = setInterval(() => {
    fs.promises.stat(file).then(
      // A measure that lands after the copy ended would send the bar back a stage.
      (stat) => copying && onProgress(Math.min(99, (stat.size / total) * 100)),
      () => undefined,
    );
  }, progressEveryMs);
  try {
    await runFileTask({ kind: 'snapshot', source: sqlite.name, file, pagesPerStep: Math.max(64, Math.round(flushEveryBytes / pageSize)) });
  } finally {
    copying = false;
    clearInterval(timer);
  }
  onProgress(100);
  return { copyMs: performance.now() - started };
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
