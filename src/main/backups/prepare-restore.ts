import fs from 'node:fs';
import path from 'node:path';
import type { BackupManifest } from '../../shared/backups/types';
import { BackupError, keyFileName, readManifest } from './backup-folder';
import { FileTaskError, runFileTask, type CheckResult } from './file-worker';
import { newestKnown, type JournalEntry } from './migrations-journal';

export interface PreparedRestore {
  manifest: BackupManifest;
  /** A checked, decrypted database file in the data folder, ready to take the live one's place. */
  file: string;
  /** Media files of the backup the data folder lacked, now copied in. */
  mediaRestored: number;
}

/**
 * Everything a restore can check before the live database is touched: the file is whole
 * (its sha256 is the manifest's: a changed byte is found here), the passphrase opens it, it
 * passes `integrity_check`, and it was not made by a newer version (a migration this app does
 * not know). Any refusal leaves the data folder as it was.
 */
export async function prepareRestore(o: {
  folder: string;
  id: string;
  dataDir: string;
  passphrase: string | null;
  journal: JournalEntry[];
  onProgress(stage: 'checking' | 'decrypting' | 'media', percent: number): void;
}): Promise<PreparedRestore> {
  const manifest = readManifest(o.folder, o.id);
  if (!manifest) throw new BackupError('not_found', `No backup ${o.id} in ${o.folder}.`);
  const stored = path.join(o.folder, o.id, manifest.database.file);
  if (!fs.existsSync(stored)) throw new BackupError('damaged', `The backup ${o.id} has no database file.`);
  o.onProgress('checking', 0);
  const { sha256 } = await runFileTask<{ sha256: string }>({ kind: 'sha256', file: stored }, (p) => o.onProgress('checking', p / 3));
  if (sha256 !== manifest.database.sha256) throw new BackupError('damaged', `The backup ${o.id} was changed or damaged since it was written (sha256 differs).`);
  if (manifest.database.encrypted && !o.passphrase) throw new BackupError('passphrase_required', `The backup ${o.id} is encrypted; its passphrase is needed.`);

  const file = path.join(o.dataDir, `.restore-${o.id}.db`);
  fs.rmSync(file, { force: true });
  try {
    if (manifest.database.encrypted) {
      try {
        await runFileTask({ kind: 'decrypt', input: stored, output: file, passphrase: o.passphrase! }, (p) => o.onProgress('decrypting', p));
      } catch (error) {
        if (error instanceof FileTaskError && error.wrongPassphrase) throw new BackupError('wrong_passphrase', `The passphrase does not open the backup ${o.id}.`);
        throw error;
      }
    } else {
      await fs.promises.copyFile(stored, file);
    }
    fs.chmodSync(file, 0o600);
    const check = await runFileTask<CheckResult>({ kind: 'check', file, full: true, normalize: true }, (p) => o.onProgress('checking', 33 + p / 3));
    if (check.problems.length > 0) throw new BackupError('damaged', `The backup ${o.id} fails integrity_check: ${check.problems.slice(0, 3).join('; ')}`);
    if (check.lastMigrationWhen > newestKnown(o.journal)) {
      throw new BackupError('newer_schema', `The backup ${o.id} was made by a newer version of Meras Desk (${manifest.appVersion}); update this one first.`);
    }
    const mediaRestored = await restoreMedia(o, manifest);
    return { manifest, file, mediaRestored };
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
}

/** Copies back the backup's media files the data folder does not have (kept ones are the same bytes: named by hash). */
async function restoreMedia(o: { folder: string; dataDir: string; passphrase: string | null; onProgress(stage: 'media', percent: number): void }, manifest: BackupManifest): Promise<number> {
  const target = path.join(o.dataDir, 'media');
  fs.mkdirSync(target, { recursive: true, mode: 0o700 });
  const source = path.join(o.folder, manifest.media.folder);
  const encrypted = manifest.media.folder !== 'media';
  const missing = manifest.media.hashes.filter((h) => !fs.existsSync(path.join(target, h)) && fs.existsSync(path.join(source, encrypted ? `${h}.age` : h)));
  if (missing.length === 0) return 0;
  if (encrypted) {
    let identity: string;
    try {
      ({ text: identity } = await runFileTask<{ text: string }>({ kind: 'decryptText', input: path.join(source, keyFileName), passphrase: o.passphrase ?? '' }));
    } catch (error) {
      if (error instanceof FileTaskError && error.wrongPassphrase) throw new BackupError('wrong_passphrase', 'The passphrase does not open the backup’s media key.');
      throw error;
    }
    await runFileTask({ kind: 'decryptFilesWith', pairs: missing.map((h) => [path.join(source, `${h}.age`), path.join(target, h)]), identity: identity.trim() }, (p) => o.onProgress('media', p));
  } else {
    let done = 0;
    for (const hash of missing) {
      await fs.promises.copyFile(path.join(source, hash), path.join(target, `${hash}.part`));
      await fs.promises.rename(path.join(target, `${hash}.part`), path.join(target, hash));
      o.onProgress('media', (++done / missing.length) * 100);
    }
  }
  return missing.length;
}
