import type { Clock } from '../base/clock';

const windowMs = 60_000;
/** Seed 003: 100 reads and 30 writes a minute, here per API key. */
export const keyLimits = { read: 100, write: 30 } as const;
export type LimitKind = keyof typeof keyLimits;

export interface LimitVerdict {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the oldest counted call leaves the window (then one more is allowed). */
  resetSeconds: number;
}

/**
 * A sliding one-minute window per (key, kind) that also says what is left, for the
 * RateLimit headers (IETF draft: RateLimit-Limit, -Remaining, -Reset) on every answer.
 */
export class KeyLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(private readonly clock: Clock) {}

  take(keyId: number, kind: LimitKind): LimitVerdict {
    const now = this.clock.now();
    const id = `${kind}:${keyId}`;
    const limit = keyLimits[kind];
    const recent = (this.hits.get(id) ?? []).filter((t) => now - t < windowMs);
    const allowed = recent.length < limit;
    if (allowed) recent.push(now);
    this.hits.set(id, recent);
    const resetSeconds = recent.length === 0 ? 0 : Math.max(1, Math.ceil((recent[0]! + windowMs - now) / 1000));
    return { allowed, limit, remaining: Math.max(0, limit - recent.length), resetSeconds };
  }
}

export function rateLimitHeaders(v: LimitVerdict): Record<string, string> {
  return {
    'RateLimit-Limit': String(v.limit),
    'RateLimit-Remaining': String(v.remaining),
    'RateLimit-Reset': String(v.resetSeconds),
    'RateLimit-Policy': `${v.limit};w=60`,
  };
}
