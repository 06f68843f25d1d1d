import { and, inArray, lt, lte } from 'drizzle-orm';
import type { Db } from '../../db/open-database';
import { loginAttempts } from '../../db/schema';
import type { Clock } from '../../base/clock';

/**
 * Repeated failed sign-ins are slowed down, then refused for a while (seed 000's "no rate
 * limiting" weakness, issue 13). Counters live in SQLite so a lock outlives a restart.
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

/** What an attempt may do: wait `delayMs` then be checked, or nothing for `lockedForSeconds`. */
export type AttemptTicket = { locked: false; delayMs: number } | { locked: true; lockedForSeconds: number };

type Row = typeof loginAttempts.$inferSelect;

export class LoginThrottle {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: ThrottlePolicy = defaultThrottlePolicy,
  ) {}

  /**
   * Counts the attempt as a failure under every key *before* its password is checked.
   * Checking takes time (scrypt runs off the event loop), so counting only after it would let
   * twenty-five guesses sent at once all pass the check while the count still says zero.
   * A good password takes the count back with `succeeded`.
   */
  begin(keys: readonly string[]): AttemptTicket {
    const now = this.clock.now();
    return this.db.transaction((tx) => {
      const rows = new Map(
        tx.select().from(loginAttempts).where(inArray(loginAttempts.key, [...keys])).all()
          .filter((row) => !this.isStale(row, now))
          .map((row) => [row.key, row]),
      );
      const lockedUntil = Math.max(0, ...[...rows.values()].map((row) => row.lockedUntil));
      if (lockedUntil > now) return { locked: true, lockedForSeconds: Math.ceil((lockedUntil - now) / 1000) };

      let before = 0;
      for (const key of keys) {
        const row = rows.get(key);
        const failures = (row?.failures ?? 0) + 1;
        before = Math.max(before, failures - 1);
        const next = {
          key,
          failures,
          firstFailureAt: row?.firstFailureAt ?? now,
          lockedUntil: failures >= this.policy.lockAfter ? now + this.policy.lockMs : 0,
        };
        tx.insert(loginAttempts).values(next).onConflictDoUpdate({ target: loginAttempts.key, set: next }).run();
      }
      return { locked: false, delayMs: this.delayAfter(before) };
    });
  }

  /** A good password: the attempt was not a failure, and earlier ones are forgiven. */
  succeeded(keys: readonly string[]): void {
    this.db.delete(loginAttempts).where(inArray(loginAttempts.key, [...keys])).run();
  }

  /** Housekeeping at start-up: rows whose window and lock have both passed. */
  purgeStale(): void {
    const now = this.clock.now();
    this.db
      .delete(loginAttempts)
      .where(and(lte(loginAttempts.lockedUntil, now), lt(loginAttempts.firstFailureAt, now - this.policy.windowMs)))
      .run();
  }

  private delayAfter(failures: number): number {
    const over = failures - this.policy.slowAfter;
    if (over < 0) return 0;
    return Math.min(this.policy.maxDelayMs, this.policy.baseDelayMs * 2 ** over);
  }

  private isStale(row: Row, now: number): boolean {
    return row.lockedUntil <= now && now - row.firstFailureAt > this.policy.windowMs;
  }
}
