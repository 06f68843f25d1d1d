import { afterEach, expect, it } from 'vitest';
import { startTestCore } from '../../testing/test-core';
import { EpisodeRewalks } from './episode-rewalks';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
});

it('a conversation marked to be walked again stays marked across a restart, and is walked once', () => {
  const t = startTestCore();
  close = () => t.close();
  const sqlite = t.core.database.sqlite;
  new EpisodeRewalks(sqlite).mark(7, 1_000);

  const afterRestart = new EpisodeRewalks(sqlite);
  expect(afterRestart.take(8)).toBe(false);
  expect(afterRestart.take(7)).toBe(true);
  expect(afterRestart.take(7)).toBe(false);
});

it('a message whose transaction rolls back leaves the mark for the next one', () => {
  const t = startTestCore();
  close = () => t.close();
  const sqlite = t.core.database.sqlite;
  const rewalks = new EpisodeRewalks(sqlite);
  rewalks.mark(7, 1_000);

  expect(() =>
    sqlite.transaction(() => {
      expect(rewalks.take(7)).toBe(true);
      throw new Error('ingest failed');
    })(),
  ).toThrow('ingest failed');
  expect(rewalks.take(7)).toBe(true);
  expect(rewalks.take(7)).toBe(false);
});
