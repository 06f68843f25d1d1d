import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsDir, startTestCore, tempDir } from '../testing/test-core';

const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe.skipIf(process.platform === 'win32')('a new data folder', () => {
  const closing: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closing.splice(0)) await close();
  });

  it('is readable by this account only: folders 0700, database, WAL, shared memory and files 0600', async () => {
    const dataDir = path.join(tempDir(), 'office', 'Meras Desk');
    const t = startTestCore({ dataDir, migrationsDir });
    closing.push(() => t.close());
    const admin = await t.setupAdmin();
    // A file in the media store, by the upload path an agent uses.
    const text = Buffer.from('الاسم,الجوال\n');
    const { uploadId } = await t.call('media.uploadStart', { name: 'notes.txt', mimeType: 'text/plain', size: text.length }, admin.token);
    await t.call('media.uploadChunk', { uploadId, offset: 0, data: text.toString('base64') }, admin.token);
    await t.call('media.uploadFinish', { uploadId }, admin.token);
    const stored = fs.readdirSync(path.join(dataDir, 'media')).filter((name) => !name.startsWith('.'));
    expect(stored).toHaveLength(1);

    for (const dir of [path.dirname(dataDir), dataDir, path.join(dataDir, 'media'), path.join(dataDir, 'media', '.incoming'), path.join(dataDir, 'sessions')]) {
      expect([dir, mode(dir)]).toEqual([dir, 0o700]);
    }
    for (const name of ['meras.db', 'meras.db-wal', 'meras.db-shm', path.join('media', stored[0]!)]) {
      const p = path.join(dataDir, name);
      expect([name, mode(p)]).toEqual([name, 0o600]);
    }
  });

  it('tightens a database an older version left readable by others', async () => {
    const dataDir = tempDir();
    const first = startTestCore({ dataDir, migrationsDir });
    await first.close();
    fs.chmodSync(path.join(dataDir, 'meras.db'), 0o644);
    const again = startTestCore({ dataDir, migrationsDir });
    closing.push(() => again.close());
    expect(mode(path.join(dataDir, 'meras.db'))).toBe(0o600);
  });
});
