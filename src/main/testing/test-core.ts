import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import type { ApiError } from '../../shared/errors';
import { createCore, type CoreOptions } from '../core/create-core';
import { silentLogger } from '../base/logger';
import type { BusMessage } from '../events/event-bus';
import type { CallMeta } from '../rpc/router';

const localWindow: CallMeta = { clientKey: 'test', local: true };

export const migrationsDir = path.resolve(__dirname, '../../../drizzle');

export function tempDir(prefix = 'meras-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * A clock the test moves by hand. What waits on it (the outbox's pacing, retries, the quota's
 * midnight) runs when the clock is moved past its time, in time order, and never before; a
 * `sleep` on it (the sign-in delay) is recorded and moves it at once.
 */
export function manualClock(start = Date.UTC(2026, 10, 25, 9, 0, 0)) {
  let t = start;
  let seq = 0;
  const waits: number[] = [];
  const pending = new Map<number, { at: number; run: () => void; background: boolean }>();
  const due = () => [...pending].filter(([, w]) => w.at <= t).sort(([a, x], [b, y]) => x.at - y.at || a - b);
  const clock = {
    now: () => t,
    wakeAt(at: number, run: () => void, options?: { background?: boolean }): () => void {
      const id = ++seq;
      pending.set(id, { at, run, background: options?.background ?? false });
      return () => void pending.delete(id);
    },
    /** Moves the clock on; every wait due by then runs. */
    advance(ms: number): void {
      t += ms;
      for (let next = due()[0]; next; next = due()[0]) {
        pending.delete(next[0]);
        next[1].run();
      }
    },
    sleep(ms: number): Promise<void> {
      waits.push(ms);
      clock.advance(ms);
      return Promise.resolve();
    },
    /** Every sleep asked of the clock, in order. */
    waits,
    /** When the earliest wait ends, or null when nothing waits (background housekeeping aside). */
    nextWake(): number | null {
      let first: number | null = null;
      for (const { at, background } of pending.values()) if (!background && (first === null || at < first)) first = at;
      return first;
    },
  };
  return clock;
}
export type ManualClock = ReturnType<typeof manualClock>;

/**
 * A real core on a real SQLite file in a fresh temp folder, called exactly as a window
 * calls it (through the router), with every published event recorded.
 */
export function startTestCore(options: Partial<CoreOptions> = {}) {
  const dataDir = options.dataDir ?? tempDir();
  const core = createCore({ migrationsDir, logger: silentLogger, ...options, dataDir });
  const events: BusMessage[] = [];
  core.bus.subscribe((m) => events.push(m));

  // Calls come from a window of the host computer unless a test says otherwise (`as`).
  async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>, token?: string, as: CallMeta = localWindow): Promise<ChannelOutput<C>> {
    const { result } = await core.router.call(channel, input, { ...as, ...(token ? { token } : {}) });
    if (!result.success) throw new CallFailed(result.error);
    return result.data as ChannelOutput<C>;
  }

  /** The error a call fails with; fails the test if the call succeeds. */
  async function failure(channel: string, input: unknown, token?: string, as: CallMeta = localWindow): Promise<ApiError> {
    const { result } = await core.router.call(channel, input, { ...as, ...(token ? { token } : {}) });
    if (result.success) throw new Error(`${channel} was expected to fail but returned ${JSON.stringify(result.data)}`);
    return result.error;
  }

  async function setupAdmin() {
    return call('auth.setupAdmin', { name: 'مدير المكتب', email: 'admin@office.test', password: 'admin-pass-123' });
  }

  async function createUser(adminToken: string, role: 'agent' | 'supervisor' | 'admin', email: string, password = 'user-pass-123') {
    const user = await call('users.create', { name: `User ${email}`, email, password, role }, adminToken);
    const { token } = await call('auth.signIn', { email, password });
    return { user, token };
  }

  return { core, dataDir, events, call, failure, setupAdmin, createUser, close: () => core.close() };
}

export class CallFailed extends Error {
  constructor(readonly error: ApiError) {
    super(`${error.code}: ${error.message} ${JSON.stringify(error.details ?? '')}`);
  }
}

/** Demo timings and policies short enough for tests; the webjs transport runs unchanged. */
export const fastDemoTimings = { firstQrMs: 5, qrIntervalMs: 60, restoreMs: 5, readyAfterAuthMs: 5, syncSteps: [50, 100], pairingCompletesMs: 30, ackMs: [10, 20, 30] as const, transitMs: 0, sendMs: 0 };
export const fastSessionPolicy = { startTimeoutMs: 2_000, readyTimeoutMs: 2_000, qrRounds: 3, retryBaseMs: 50, retryMaxMs: 200, conflictWindowMs: 60_000 };
export const fastOutboxPolicy = { paceMs: 0, paceJitterMs: 0, maxAttempts: 3, retryBaseMs: 20, retryMaxMs: 100 };
export const fastCatchUpPolicy = {
  maxLookbackMs: 14 * 24 * 60 * 60_000,
  firstLinkLookbackMs: 24 * 60 * 60_000,
  overlapMs: 60_000,
  maxChats: 100,
  perChat: 100,
  lidRetryMs: [0, 30, 60, 120],
};

/** Waits until `check` stops throwing (or returns true), as a user waits for the screen to change. */
export async function eventually<T>(check: () => T | Promise<T>, timeoutMs = 5_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    try {
      const value = await check();
      if (value !== false) return value;
    } catch (error) {
      if (Date.now() - started > timeoutMs) throw error;
    }
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
