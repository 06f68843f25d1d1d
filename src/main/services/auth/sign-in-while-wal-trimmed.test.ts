import { afterEach, describe, expect, it } from 'vitest';
import { startBackgroundCheckpoint, type BackgroundCheckpoint } from '../../db/background-checkpoint';
import { openDatabase, type OpenedDatabase } from '../../db/open-database';
import { migrationsDir, tempDir } from '../../testing/test-core';
import { systemClock } from '../../base/clock';
import { LoginThrottle } from './login-throttle';

let database: OpenedDatabase | undefined;
let checkpoint: BackgroundCheckpoint | undefined;
afterEach(async () => {
  await checkpoint?.stop();
  database?.close();
});

const nextTask = () => new Promise((resolve) => setImmediate(resolve));

describe('sign-in while the WAL is emptied in the background', () => {
  // An agent's sign-in once answered INTERNAL in an e2e run: the checkpoint worker emptied the
  // WAL (which takes the write lock) just as the sign-in's throttle read its counters and then
  // wrote them, and a transaction that has read meets a held write lock with SQLITE_BUSY at once.
  it('counts every attempt, however often the WAL is emptied', async () => {
    database = openDatabase(tempDir(), migrationsDir);
    // Asked to empty the WAL whenever all of it is copied: as often as it can happen.
    checkpoint = startBackgroundCheckpoint(database.sqlite, { intervalMs: 1, trimAfterMs: 0 });
    await checkpoint.ready;
    const throttle = new LoginThrottle(database.db, systemClock);
    const failures: string[] = [];
    for (let round = 0; round < 100; round++) {
      for (let i = 0; i < 20; i++) {
        const keys = [`email:agent${i}@office.test`, `client:ip:10.0.0.${i}`];
        try {
          throttle.begin(keys);
          throttle.succeeded(keys);
        } catch (error) {
          failures.push((error as { code?: string }).code ?? String(error));
        }
      }
      // The writer's connection answers the worker's requests between tasks, as in the app.
      await nextTask();
    }
    expect(failures).toEqual([]);
  });
});
