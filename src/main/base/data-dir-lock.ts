import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const lockFileName = 'meras.lock';

/** Another running Meras Desk (desktop or host) already uses this data folder. */
export class DataDirLocked extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data folder ${dataDir} is already in use by another Meras Desk (process ${holderPid}). ` +
        'Close it first, or start this one with another --data-dir.',
    );
  }
}

export interface DataDirLock {
  release(): void;
}

/** Folders this process holds: a second core in the same process is refused too. */
const heldHere = new Set<string>();

/**
 * Takes the data folder for this process: two cores writing one database (and one set of
 * WhatsApp sessions) would fight over both. The lock is a file holding the owner's pid, made
 * with O_EXCL; one left by a process that no longer runs (a crash, a power cut) is stale and
 * taken over.
 */
export function lockDataDir(dataDir: string, isAlive: (pid: number) => boolean = processIsAlive): DataDirLock {
  const dir = path.resolve(dataDir);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, lockFileName);
  if (heldHere.has(dir)) throw new DataDirLocked(dir, process.pid);
  const content = JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() });
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, content, { flag: 'wx', mode: 0o600 });
      heldHere.add(dir);
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          heldHere.delete(dir);
          // Only our own lock: never remove one a later owner took over.
          if (holderOf(file) === process.pid) fs.rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = holderOf(file);
    // Our own pid with no core holding it here: left by this process (an earlier run that reused the pid).
    if (holder !== null && holder !== process.pid && isAlive(holder)) throw new DataDirLocked(dir, holder);
    // Stale (its process is gone, or the file is unreadable): take it over.
    fs.rmSync(file, { force: true });
  }
  throw new DataDirLocked(dir, holderOf(file) ?? 0);
}

function holderOf(file: string): number | null {
  try {
    const { pid } = JSON.parse(fs.readFileSync(file, 'utf8')) as { pid?: unknown };
    return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, under another account.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
