import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { migrationsDir, tempDir } from '../testing/test-core';
import { startBackgroundCheckpoint, type BackgroundCheckpoint } from './background-checkpoint';
import { openDatabase, type OpenedDatabase } from './open-database';

let database: OpenedDatabase | undefined;
let checkpoint: BackgroundCheckpoint | undefined;
afterEach(async () => {
  await checkpoint?.stop();
  database?.close();
});

describe('WAL checkpoints in the background', () => {
  it('copies committed pages into the database without the writer checkpointing, and the writer keeps only a backstop', async () => {
    database = openDatabase(tempDir(), migrationsDir);
    const { sqlite } = database;
    // The migrations' own pages are in the WAL at first (more with every migration): start from an empty one.
    sqlite.pragma('wal_checkpoint(TRUNCATE)');
    checkpoint = startBackgroundCheckpoint(sqlite, { intervalMs: 10, backstopPages: 12_345 });
    await checkpoint.ready;
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(12_345);

    // 400 commits of at least one page each: without checkpoints the WAL would pass 1.6 MB. The
    // worker copies each burst while the writer pauses, and the next commit starts the WAL over.
    const insert = sqlite.prepare("insert into settings (key, value) values (?, '1')");
    for (let burst = 0; burst < 20; burst++) {
      for (let i = 0; i < 20; i++) insert.run(`k${burst}-${i}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(fs.statSync(`${sqlite.name}-wal`).size).toBeLessThan(800_000);
    expect((sqlite.prepare('select count(*) as n from settings').get() as { n: number }).n).toBe(400);
  });

  it('keeps the WAL file at its size through a burst and empties it once the writer has been quiet', async () => {
    database = openDatabase(tempDir(), migrationsDir);
    const { sqlite } = database;
    checkpoint = startBackgroundCheckpoint(sqlite, { intervalMs: 10, backstopPages: 1_000, trimAfterMs: 100 });
    await checkpoint.ready;
    // The file may grow to the backstop's size and stays there rather than being cut back at each restart.
    expect(sqlite.pragma('journal_size_limit', { simple: true })).toBeGreaterThanOrEqual(1_000 * (4096 + 24));

    const insert = sqlite.prepare("insert into settings (key, value) values (?, '1')");
    for (let i = 0; i < 300; i++) insert.run(`k${i}`);
    const wal = `${sqlite.name}-wal`;
    expect(fs.statSync(wal).size).toBeGreaterThan(0);
    await until(() => fs.statSync(wal).size === 0);
    expect((sqlite.prepare('select count(*) as n from settings').get() as { n: number }).n).toBe(300);
  });
});

async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 20) {
    if (waited > 10_000) throw new Error('the WAL was never emptied');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
