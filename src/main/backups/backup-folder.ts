import fs from 'node:fs';
import path from 'node:path';
import type { BackupErrorCode, BackupManifest } from '../../shared/backups/types';

/**
 * The backup folder the admin picked (a USB disk, a synced folder):
 *
 *   <folder>/<id>/manifest.json        what the backup holds, readable without the passphrase
 *   <folder>/<id>/meras.db[.age]       the database (age-encrypted when a passphrase is set)
 *   <folder>/media/<sha256>            media files by content hash, copied once for all backups
 *   <folder>/media-<key>/<sha256>.age  the same, encrypted to the key in key.age (passphrase)
 *   <folder>/.<id>.partial/            a backup being written; never listed, removed if it fails
 */
export const manifestFileName = 'manifest.json';
export const plainMediaFolder = 'media';
export const keyFileName = 'key.age';

/** A backup error the page words by its code. */
export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The folder exists, is a folder, and this account can write in it. */
export function checkFolder(folder: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch {
    throw new BackupError('folder_missing', `The backup folder ${folder} does not exist (is the disk plugged in?).`);
  }
  if (!stat.isDirectory()) throw new BackupError('folder_missing', `${folder} is not a folder.`);
  const probe = path.join(folder, `.meras-write-test-${process.pid}`);
  try {
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe, { force: true });
  } catch {
    throw new BackupError('folder_not_writable', `Meras Desk cannot write in the backup folder ${folder}.`);
  }
}

/** A backup's id: its UTC time, sortable, safe in every file system; a suffix if taken. */
export function newBackupId(folder: string, now: number): string {
  const base = new Date(now).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  let id = base;
  for (let n = 2; fs.existsSync(path.join(folder, id)) || fs.existsSync(path.join(folder, `.${id}.partial`)); n++) id = `${base}-${n}`;
  return id;
}

export function readManifest(folder: string, id: string): BackupManifest | null {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, id, manifestFileName), 'utf8')) as BackupManifest;
    return manifest.format === 1 && manifest.id === id ? manifest : null;
  } catch {
    return null;
  }
}

/** Every complete backup in the folder, newest first. */
export function listManifests(folder: string): BackupManifest[] {
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .filter((name) => /^\d{8}T\d{6}Z(-\d+)?$/.test(name))
    .map((name) => readManifest(folder, name))
    .filter((m): m is BackupManifest => m !== null)
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : a.id < b.id ? 1 : -1));
}

export function mediaFolderFor(keyId: string | null): string {
  return keyId ? `media-${keyId}` : plainMediaFolder;
}

/** Removes media files no remaining backup refers to. */
export function pruneMedia(folder: string, manifests: BackupManifest[]): number {
  const wanted = new Map<string, Set<string>>();
  for (const m of manifests) {
    const set = wanted.get(m.media.folder) ?? new Set<string>();
    for (const hash of m.media.hashes) set.add(hash);
    wanted.set(m.media.folder, set);
  }
  let removed = 0;
  for (const name of safeReaddir(folder)) {
    if (name !== plainMediaFolder && !name.startsWith('media-')) continue;
    const keep = wanted.get(name) ?? new Set<string>();
    for (const file of safeReaddir(path.join(folder, name))) {
      const hash = file.replace(/\.age$/, '');
      if (!/^[0-9a-f]{64}$/.test(hash) || keep.has(hash)) continue;
      fs.rmSync(path.join(folder, name, file), { force: true });
      removed++;
    }
  }
  return removed;
}

function safeReaddir(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}
