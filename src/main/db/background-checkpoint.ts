import { Worker } from 'node:worker_threads';
import type Database from 'better-sqlite3';

/**
 * Copies the WAL into the database from a worker thread. A checkpoint writes every page the
 * WAL changed and waits for two fsyncs — tens of milliseconds every few hundred messages on
 * an office disk — and SQLite runs it inside whichever commit crosses the threshold, stalling
 * the event loop and the next message. The worker checkpoints every `intervalMs` on its own
 * connection (PASSIVE: it never blocks the writer); the writer's own autocheckpoint stays as
 * a backstop at `backstopPages`, which then finds most of the work done. Until the worker is
 * running, and if it cannot start, the writer's checkpoints are as they were.
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
const tick = () => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  timer = setTimeout(tick, workerData.intervalMs);
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
  options: { intervalMs?: number; backstopPages?: number; onError?: (error: unknown) => void } = {},
): BackgroundCheckpoint {
  const intervalMs = options.intervalMs ?? 100;
  const backstopPages = options.backstopPages ?? 40_000;
  let worker: Worker | null = null;
  try {
    worker = new Worker(workerSource, { eval: true, workerData: { file: sqlite.name, binding: require.resolve('better-sqlite3'), intervalMs } });
  } catch (error) {
    options.onError?.(error);
    return { ready: Promise.resolve(), stop: () => Promise.resolve() };
  }
  worker.unref();
  const running = worker;
  const ready = new Promise<void>((resolve) => {
    running.once('message', () => {
      if (sqlite.open) sqlite.pragma(`wal_autocheckpoint = ${backstopPages}`);
      resolve();
    });
    running.once('error', (error) => {
      if (sqlite.open) sqlite.pragma('wal_autocheckpoint = 10000');
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
