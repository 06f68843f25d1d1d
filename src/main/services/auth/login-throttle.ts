import type { Clock } from '../../base/clock';

/**
 * Repeated failed sign-ins for one email are slowed down, then refused for a while
 * (seed 000's "no rate limiting" weakness). Kept in memory: a restart of the desktop app
 * is not something an attacker at the sign-in form can cause.
 */
export interface ThrottlePolicy {
  /** Failures before each further attempt is delayed. */
  slowAfter: number;
  /** Failures before attempts are refused outright. */
  lockAfter: number;
  /** How long failures are remembered, and how long a lock lasts. */
  windowMs: number;
  lockMs: number;
  /** Delay per failure beyond `slowAfter`, doubling each time, capped. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const defaultThrottlePolicy: ThrottlePolicy = {
  slowAfter: 3,
  lockAfter: 8,
  windowMs: 15 * 60_000,
  lockMs: 15 * 60_000,
  baseDelayMs: 250,
  maxDelayMs: 2_000,
};

interface Entry {
  failures: number;
  firstFailureAt: number;
  lockedUntil: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly clock: Clock,
    private readonly policy: ThrottlePolicy = defaultThrottlePolicy,
  ) {}

  /** Seconds until attempts are allowed again, or 0 when not locked. */
  lockedFor(key: string): number {
    const entry = this.current(key);
    const left = entry ? entry.lockedUntil - this.clock.now() : 0;
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  /** How long to hold this attempt back before answering. */
  delayFor(key: string): number {
    const failures = this.current(key)?.failures ?? 0;
    const over = failures - this.policy.slowAfter;
    if (over < 0) return 0;
    return Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** over);
  }

  recordFailure(key: string): void {
    const now = this.clock.now();
    const entry = this.current(key) ?? { failures: 0, firstFailureAt: now, lockedUntil: 0 };
    entry.failures += 1;
    if (entry.failures >= this.policy.lockAfter) entry.lockedUntil = now + this.policy.lockMs;
    this.entries.set(key, entry);
  }

  recordSuccess(key: string): void {
    this.entries.delete(key);
  }

  private current(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const now = this.clock.now();
    if (entry.lockedUntil <= now && now - entry.firstFailureAt > this.policy.windowMs) {
      this.entries.delete(key);
      return undefined;
    }
    return entry;
  }
}
