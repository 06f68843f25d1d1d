import type { CallKind } from '../../shared/contract';
import type { Clock } from '../base/clock';

/**
 * Seed 003's limits: 100 reads and 30 writes a minute per user. File pieces (uploads and
 * reads of media) are counted apart, generously: a thread of photos or one large document is
 * many pieces, and each is bounded in size.
 */
export type RateLimits = Record<CallKind, number>;
export const seedRateLimits: RateLimits = { read: 100, write: 30, transfer: 1200 };

const windowMs = 60_000;

/** A sliding one-minute window per (caller, kind). */
export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limits: RateLimits,
    private readonly clock: Clock,
  ) {}

  /** Records a call; returns 0 when allowed, or the seconds to wait when over the limit. */
  take(key: string, kind: CallKind): number {
    const now = this.clock.now();
    const id = `${kind}:${key}`;
    const recent = (this.hits.get(id) ?? []).filter((t) => now - t < windowMs);
    if (recent.length >= this.limits[kind]) {
      this.hits.set(id, recent);
      return Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000));
    }
    recent.push(now);
    this.hits.set(id, recent);
    return 0;
  }
}
