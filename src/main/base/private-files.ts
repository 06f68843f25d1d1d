import fs from 'node:fs';

/**
 * The office's data — every conversation, customers' files, WhatsApp's linked sessions — is
 * readable by this computer's account only: folders 0700, files 0600. Windows keeps a user's
 * app-data folder private by its own ACLs and ignores these modes.
 */
const enforced = process.platform !== 'win32';
export const privateDirMode = 0o700;
export const privateFileMode = 0o600;

/**
 * Creates `dir` (and any missing parents) as private folders. A folder that already exists
 * keeps its mode: `--data-dir` may point at a folder the admin chose and shares on purpose.
 */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: privateDirMode });
}

/**
 * Makes sure `file` exists with mode 0600 before anything else opens it. SQLite creates its
 * `-wal` and `-shm` with the database file's mode, so creating the database this way keeps all
 * three private. A file we made earlier with a looser mode is tightened.
 */
export function makePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', privateFileMode));
  tighten(file);
}

/** Tightens a file of ours that may have been made by an older version with the default mode. */
export function tighten(file: string): void {
  if (!enforced) return;
  try {
    fs.chmodSync(file, privateFileMode);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}
