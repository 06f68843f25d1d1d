/** Time, injectable so session expiry and lockouts are tested without waiting. */
export interface Clock {
  now(): number;
  /** Waits `ms`; a test clock records the wait and moves itself instead of sleeping. */
  sleep?(ms: number): Promise<void>;
}

/**
 * A clock that also wakes work at a time of its own: the outbox's pacing, retries and the
 * quota's midnight wait on it, so a test moves them by moving its clock, never by sleeping.
 */
export interface WakingClock extends Clock {
  /** Runs `run` once the clock reads `at` or later; returns a cancel. */
  wakeAt(at: number, run: () => void, options?: WakeOptions): () => void;
}

export interface WakeOptions {
  /**
   * Housekeeping that re-arms itself for ever (a daily pruning, a minute's check): it runs like
   * any wait, but a test that runs the clock until nothing waits does not wait for it.
   */
  background?: boolean;
}

/** setTimeout's longest delay; a longer wait is re-armed when it ends. */
const longestTimer = 2 ** 31 - 1;

export const systemClock: WakingClock = {
  now: () => Date.now(),
  wakeAt(at, run) {
    let timer: NodeJS.Timeout;
    const arm = () => {
      timer = setTimeout(() => (Date.now() >= at ? run() : arm()), Math.max(0, Math.min(at - Date.now(), longestTimer)));
      // Waits never keep the process alive by themselves (a closing app does not wait for a retry).
      timer.unref?.();
    };
    arm();
    return () => clearTimeout(timer);
  },
};

/** Waits on the clock's own terms (a real timer unless the clock says otherwise). */
export function waitOn(clock: Clock, ms: number): Promise<void> {
  if (clock.sleep) return clock.sleep(ms);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function toIso(ms: number): string;
export function toIso(ms: number | null): string | null;
export function toIso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
