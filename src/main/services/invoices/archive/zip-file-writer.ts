import fs from 'node:fs';
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

/**
 * A zip written to a file as entries are added (fflate's streaming Zip): only the entry in hand
 * is held in memory, so an archive of thousands of PDFs never is. PDFs go in stored (their
 * streams are compressed already), text is deflated.
 */
export class ZipFileWriter {
  private readonly zip: Zip;
  private pending: Uint8Array[] = [];
  private failure: Error | null = null;
  private ended = false;
  private closed = false;
  private readonly fd: number;

  constructor(readonly filePath: string) {
    this.fd = fs.openSync(filePath, 'w', 0o600);
    this.zip = new Zip((error, chunk, final) => {
      if (error) this.failure = error;
      else this.pending.push(chunk);
      if (final) this.ended = true;
    });
  }

  /** Adds one file; `compress` deflates it. The bytes reach the disk on `flush`. */
  add(name: string, bytes: Uint8Array, options: { compress: boolean; modified: Date }): void {
    const entry = options.compress ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name);
    entry.mtime = options.modified;
    this.zip.add(entry);
    entry.push(bytes, true);
    this.throwIfFailed();
  }

  /** Writes what the entries added so far produced, without holding the event loop for the whole archive. */
  async flush(): Promise<void> {
    const chunks = this.pending;
    this.pending = [];
    for (const chunk of chunks) {
      await new Promise<void>((resolve, reject) => fs.write(this.fd, chunk, 0, chunk.length, null, (error) => (error ? reject(error) : resolve())));
    }
  }

  /** Writes the central directory and closes the file; answers its size. */
  async finish(): Promise<number> {
    this.zip.end();
    this.throwIfFailed();
    if (!this.ended) throw new Error('The zip did not end');
    await this.flush();
    const size = fs.fstatSync(this.fd).size;
    this.close();
    return size;
  }

  /** Closes and removes a half-written file. */
  discard(): void {
    this.close();
    fs.rmSync(this.filePath, { force: true });
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }
}
