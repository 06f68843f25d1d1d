import { randomUUID } from 'node:crypto';
import type { Logger } from './logger';

/** The part of `process` the guard listens on (a stand-in in tests). */
export interface GuardedProcess {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

/**
 * Once a shell is serving (the host, or the desktop app with its window), a fault in one
 * request's stream or promise must not end the process for every window in the office: it is logged with a request id (what the seed's
 * INTERNAL_ERROR carries, so an admin can find it) and the host carries on. Installed only
 * after start-up succeeded, so a failed start (port taken, database unreadable) still exits
 * with its message.
 */
export function installProcessGuard(logger: Logger, proc: GuardedProcess = process): () => void {
  const onException = (error: Error) => {
    logger.error('uncaught exception; the app carries on', { requestId: `req-${randomUUID()}`, error: error?.stack ?? String(error) });
  };
  const onRejection = (reason: unknown) => {
    logger.error('unhandled rejection; the app carries on', { requestId: `req-${randomUUID()}`, error: reason instanceof Error ? reason.stack : String(reason) });
  };
  proc.on('uncaughtException', onException);
  proc.on('unhandledRejection', onRejection);
  return () => {
    proc.off('uncaughtException', onException);
    proc.off('unhandledRejection', onRejection);
  };
}
