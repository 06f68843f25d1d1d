import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { makePrivateDir, privateFileMode } from '../base/private-files';

/**
 * Media files in a folder beside the database, named by the SHA-256 of their content
 * (architecture.md "Storage"): the same photo sent to ten customers is one file, and a name
 * can never point at the wrong content. Files are written to a temporary name first and
 * renamed into place, so a crash never leaves a half file under a hash.
 */
export class MediaStore {
  readonly dir: string;
  private readonly incomingDir: string;

  constructor(dataDir: string) {
    this.dir = path.join(dataDir, 'media');
    this.incomingDir = path.join(this.dir, '.incoming');
    makePrivateDir(this.incomingDir);
  }

  /** Stores bytes; returns their hash and size. Storing the same bytes again changes nothing. */
  put(data: Buffer): { sha256: string; size: number } {
    const sha256 = crypto.createHash('sha256').update(data).digest('hex');
    if (!this.has(sha256)) {
      const temp = this.tempPath();
      fs.writeFileSync(temp, data, { mode: privateFileMode });
      this.settle(temp, sha256);
    }
    return { sha256, size: data.length };
  }

  /** A new temporary file for an upload in pieces. */
  tempPath(): string {
    return path.join(this.incomingDir, `${Date.now()}-${crypto.randomBytes(8).toString('hex')}`);
  }

  /** Moves a finished temporary file under its hash (or drops it when that content is already here). */
  settle(tempFile: string, sha256: string): void {
    if (this.has(sha256)) fs.rmSync(tempFile, { force: true });
    else fs.renameSync(tempFile, this.pathOf(sha256));
  }

  has(sha256: string): boolean {
    return fs.existsSync(this.pathOf(sha256));
  }

  pathOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a content hash');
    return path.join(this.dir, sha256);
  }

  size(sha256: string): number {
    return fs.statSync(this.pathOf(sha256)).size;
  }

  /** Up to `length` bytes from `offset`; fewer at the end of the file. */
  read(sha256: string, offset: number, length: number): Buffer {
    const fd = fs.openSync(this.pathOf(sha256), 'r');
    try {
      const buffer = Buffer.alloc(length);
      const read = fs.readSync(fd, buffer, 0, length, offset);
      return buffer.subarray(0, read);
    } finally {
      fs.closeSync(fd);
    }
  }

  /** Temporary files left by an upload that never finished (the app stopped): removed at start. */
  clearIncoming(): void {
    for (const name of fs.readdirSync(this.incomingDir)) fs.rmSync(path.join(this.incomingDir, name), { force: true });
  }
}
