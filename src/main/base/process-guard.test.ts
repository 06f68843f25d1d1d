import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../base/logger';
import { installProcessGuard, type GuardedProcess } from './process-guard';

function recordingLogger() {
  const lines: { message: string; fields?: Record<string, unknown> }[] = [];
  const logger: Logger = { info() {}, warn() {}, error: (message, fields) => lines.push({ message, ...(fields ? { fields } : {}) }) };
  return { logger, lines };
}

describe('the host\'s process guard', () => {
  it('logs a stray exception and a stray rejection with a request id, and keeps the process serving', () => {
    const proc = new EventEmitter();
    const { logger, lines } = recordingLogger();
    installProcessGuard(logger, proc as unknown as GuardedProcess);
    proc.emit('uncaughtException', new Error('socket hang up'));
    proc.emit('unhandledRejection', new Error('disk full'));
    expect(lines).toEqual([
      { message: expect.stringContaining('uncaught exception'), fields: { requestId: expect.stringMatching(/^req-/), error: expect.stringContaining('socket hang up') } },
      { message: expect.stringContaining('unhandled rejection'), fields: { requestId: expect.stringMatching(/^req-/), error: expect.stringContaining('disk full') } },
    ]);
  });

  it('leaves start-up errors fatal: it listens only once installed, and not after removal', () => {
    const proc = new EventEmitter();
    expect(proc.listenerCount('uncaughtException')).toBe(0);
    const remove = installProcessGuard(recordingLogger().logger, proc as unknown as GuardedProcess);
    expect(proc.listenerCount('uncaughtException')).toBe(1);
    remove();
    expect(proc.listenerCount('uncaughtException') + proc.listenerCount('unhandledRejection')).toBe(0);
  });
});
