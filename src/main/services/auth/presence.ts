import { and, eq, ne } from 'drizzle-orm';
import type { UserPresence } from '../../../shared/domain';
import type { Db } from '../../db/open-database';
import { users } from '../../db/schema';
import type { EventBus } from '../../events/event-bus';

/**
 * Who is «متصل» right now: a user is ONLINE while at least one of their windows or browser
 * sockets is open and signed in, and OFFLINE once the last one closes. The shells report each
 * window's signed-in user (`track`) and its closing (`release`); nothing of it survives the
 * process, so a core starting up marks everyone OFFLINE until their windows come back.
 */
export class Presence {
  /** Window or socket key → the user it is signed in as. */
  private readonly holders = new Map<string, number>();
  private readonly counts = new Map<number, number>();

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
  ) {
    // Whoever was online when the last process stopped has no window here any more.
    this.db.update(users).set({ status: 'OFFLINE' }).where(eq(users.status, 'ONLINE')).run();
  }

  /** The window `key` is now signed in as `userId`, or signed out (null). */
  track(key: string, userId: number | null): void {
    const before = this.holders.get(key);
    if (before === userId || (before === undefined && userId === null)) return;
    if (before !== undefined) {
      this.holders.delete(key);
      this.adjust(before, -1);
    }
    if (userId !== null) {
      this.holders.set(key, userId);
      this.adjust(userId, 1);
    }
  }

  /** The window or socket closed. */
  release(key: string): void {
    this.track(key, null);
  }

  private adjust(userId: number, by: 1 | -1): void {
    const count = (this.counts.get(userId) ?? 0) + by;
    if (count > 0) this.counts.set(userId, count);
    else this.counts.delete(userId);
    if (by === 1 && count === 1) this.set(userId, 'ONLINE');
    if (by === -1 && count === 0) this.set(userId, 'OFFLINE');
  }

  private set(userId: number, status: UserPresence): void {
    const changed = this.db
      .update(users)
      .set({ status })
      .where(and(eq(users.id, userId), ne(users.status, status), ...(status === 'ONLINE' ? [eq(users.isActive, true)] : [])))
      .run().changes;
    // Presence shows live in the team list of every open window.
    if (changed > 0) this.bus.publish('users.changed', { userId }, { kind: 'all' });
  }
}
