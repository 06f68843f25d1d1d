import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { trimWal } from './trim-wal';

/**
 * Copies the WAL into the database from a worker thread. A checkpoint writes every page the
 * WAL changed and waits for two fsyncs — tens of milliseconds every few hundred messages on
 * an office disk — and SQLite runs it inside whichever commit crosses the threshold, stalling
 * the event loop and the next message. The worker checkpoints every `intervalMs` on its own
 * connection (PASSIVE: it never blocks the writer); the writer's own autocheckpoint stays as
 * a backstop at `backstopPages`, which then finds most of the work done. Until the worker is
 * running, and if it cannot start, the writer's checkpoints are as they were.
 *
 * Under a steady stream of messages the WAL is never wholly copied at the moment a commit
 * starts, so it grows to the backstop before it starts over: a long catch-up can leave a WAL
 * of a few hundred MB. Its file is kept at that size (journal_size_limit) rather than cut
 * back and grown again, since overwriting a page of the file costs half as much as appending
 * one. When no commit has come for `trimAfterMs`, the file is emptied (TRUNCATE), so an idle
 * office does not keep a large WAL on disk. The worker only asks for that: the writer's own
 * connection empties it, between two tasks of the event loop. A TRUNCATE holds the write lock,
 * and a transaction that reads before it writes (BEGIN DEFERRED, the default) meeting that lock
 * fails at once with SQLITE_BUSY, whatever the busy timeout: a sign-in answered INTERNAL so.
 */
export interface BackgroundCheckpoint {
  /** Settles when the worker runs (or could not start). */
  ready: Promise<void>;
  /** Settles once the worker has closed its connection and exited, so the folder can be closed or removed. */
  stop(): Promise<void>;
}

/** Run in the worker: `require` is the worker's own, the binding is passed by absolute path. */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.binding);
const db = new Database(workerData.file);
db.pragma('busy_timeout = 0');
let timer = null;
let lastLog = -1;
let quietSince = Date.now();
const tick = () => {
  let delay = workerData.intervalMs;
  try {
    const [state] = db.pragma('wal_checkpoint(PASSIVE)');
    const now = Date.now();
    if (state.log !== lastLog) {
      lastLog = state.log;
      quietSince = now;
    }
    // Idle and wholly copied: the writer gives the file's space back (it asks again if it could not).
    if (state.log > 0 && state.log === state.checkpointed && now - quietSince >= workerData.trimAfterMs) {
      parentPort.postMessage('trim');
      lastLog = -1;
    }
    if (now - quietSince >= 1000) delay = workerData.idleIntervalMs;
  } catch {}
  timer = setTimeout(tick, delay);
};
parentPort.on('message', () => {
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
parentPort.postMessage('ready');
tick();
`;

export function startBackgroundCheckpoint(
  sqlite: Database.Database,
  options: { intervalMs?: number; backstopPages?: number; trimAfterMs?: number; onError?: (error: unknown) => void } = {},
): BackgroundCheckpoint {
  // Often enough that the writer's own checkpoint at the backstop finds little left to copy
  // and sync (ingest +6 % from 100 ms); a writer quiet for a second is looked at 4 times a second.
  const intervalMs = options.intervalMs ?? 25;
  const idleIntervalMs = Math.max(intervalMs, 250);
  // ~400 MB of WAL: under a steady stream the writer checkpoints (and waits for the fsyncs)
  // once per backstop, so a larger one costs less per message (ingest +9 % from 40,000).
  const backstopPages = options.backstopPages ?? 100_000;
  const trimAfterMs = options.trimAfterMs ?? 5_000;
  const writerSettings = { autocheckpoint: sqlite.pragma('wal_autocheckpoint', { simple: true }), sizeLimit: sqlite.pragma('journal_size_limit', { simple: true }) };
  let worker: Worker | null = null;
  try {
    worker = new Worker(workerSource, { eval: true, workerData: { file: sqlite.name, binding: require.resolve('better-sqlite3'), intervalMs, idleIntervalMs, trimAfterMs } });
  } catch (error) {
    options.onError?.(error);
    return { ready: Promise.resolve(), stop: () => Promise.resolve() };
  }
  worker.unref();
  const running = worker;
  running.on('message', (message) => {
    // Busy is no harm: the worker asks again after the next quiet spell.
    if (message === 'trim') trimWal(sqlite);
  });
  const ready = new Promise<void>((resolve) => {
    running.once('message', () => {
      if (sqlite.open) {
        sqlite.pragma(`wal_autocheckpoint = ${backstopPages}`);
        // A WAL frame is a page and a 24-byte header.
        const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
        sqlite.pragma(`journal_size_limit = ${backstopPages * (pageSize + 24) + 1_048_576}`);
      }
      resolve();
    });
    running.on('error', (error) => {
      if (sqlite.open) {
        sqlite.pragma(`wal_autocheckpoint = ${writerSettings.autocheckpoint}`);
        sqlite.pragma(`journal_size_limit = ${writerSettings.sizeLimit}`);
      }
      options.onError?.(error);
      resolve();
    });
  });
  return {
    ready,
    stop() {
      const stopping = worker;
      worker = null;
      if (!stopping) return Promise.resolve();
      return new Promise<void>((resolve) => {
        // A worker that does not answer (stuck on a lock) is ended rather than waited on.
        const timer = setTimeout(() => void stopping.terminate(), 2_000);
        stopping.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        stopping.postMessage('stop');
      });
    },
  };
}
