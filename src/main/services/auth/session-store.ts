import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, gt, lt, ne } from 'drizzle-orm';
import type { Db } from '../../db/open-database';
import { sessions } from '../../db/auth-schema';
import type { Clock } from '../../base/clock';

export interface SessionPolicy {
  /** A session unused this long ends. */
  idleMs: number;
  /** A session ends this long after sign-in, however much it is used. */
  absoluteMs: number;
}
export const defaultSessionPolicy: SessionPolicy = { idleMs: 12 * 3_600_000, absoluteMs: 7 * 24 * 3_600_000 };

/** Writing `last_seen_at` on every call would turn reads into writes; once a minute is enough. */
const touchEveryMs = 60_000;

export interface ActiveSession {
  sessionId: number;
  userId: number;
  expiresAt: number;
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: SessionPolicy = defaultSessionPolicy,
  ) {}

  create(userId: number): { token: string; session: ActiveSession } {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const expiresAt = Math.min(now + this.policy.idleMs, now + this.policy.absoluteMs);
    const row = this.db
      .insert(sessions)
      .values({ tokenHash: hashToken(token), userId, createdAt: now, lastSeenAt: now, expiresAt })
      .returning({ id: sessions.id })
      .get();
    return { token, session: { sessionId: row.id, userId, expiresAt } };
  }

  /** The live session for a token, moved forward; undefined when unknown or expired (and then removed). */
  resolve(token: string): ActiveSession | undefined {
    const row = this.db.select().from(sessions).where(eq(sessions.tokenHash, hashToken(token))).get();
    if (!row) return undefined;
    const now = this.clock.now();
    if (row.expiresAt <= now) {
      this.db.delete(sessions).where(eq(sessions.id, row.id)).run();
      return undefined;
    }
    let expiresAt = row.expiresAt;
    if (now - row.lastSeenAt >= touchEveryMs) {
      expiresAt = Math.min(now + this.policy.idleMs, row.createdAt + this.policy.absoluteMs);
      this.db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, row.id)).run();
    }
    return { sessionId: row.id, userId: row.userId, expiresAt };
  }

  end(sessionId: number): void {
    this.db.delete(sessions).where(eq(sessions.id, sessionId)).run();
  }

  /** Ends every session of a user (optionally but one) and returns the ended ids. */
  endAllFor(userId: number, exceptSessionId?: number): number[] {
    const where = exceptSessionId === undefined ? eq(sessions.userId, userId) : and(eq(sessions.userId, userId), ne(sessions.id, exceptSessionId));
    return this.db
      .delete(sessions)
      .where(where)
      .returning({ id: sessions.id })
      .all()
      .map((r) => r.id);
  }

  /** Live sessions a user still has (other windows or computers). */
  countFor(userId: number): number {
    return (
      this.db
        .select({ n: count() })
        .from(sessions)
        .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, this.clock.now())))
        .get()?.n ?? 0
    );
  }

  /** Housekeeping at start-up. */
  purgeExpired(): void {
    this.db.delete(sessions).where(lt(sessions.expiresAt, this.clock.now())).run();
  }
}
