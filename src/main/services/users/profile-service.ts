import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { changePasswordInput, updateProfileInput } from '../../../shared/users/schemas';
import type { PublicUser } from '../../../shared/users/types';
import type { Db } from '../../db/open-database';
import { users } from '../../db/schema';
import type { Clock } from '../../base/clock';
import type { EventBus } from '../../events/event-bus';
import { fieldError } from '../../rpc/app-error';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import { hashPassword, verifyPassword } from '../auth/passwords';
import type { SessionStore } from '../auth/session-store';
import { toPublicUser } from './user-records';

/** Every user's own profile and password (seed 000's `/api/profile` and `/api/security/password`). */
export class ProfileService {
  constructor(
    private readonly db: Db,
    private readonly sessions: SessionStore,
    private readonly activity: ActivityLog,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  update(caller: Caller, input: z.output<typeof updateProfileInput>): PublicUser {
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.language !== undefined ? { language: input.language } : {}),
    };
    const row = this.db
      .update(users)
      .set({ ...changes, updatedAt: this.clock.now() })
      .where(eq(users.id, caller.user.id))
      .returning()
      .get();
    this.activity.record({ userId: caller.user.id, action: 'profile.updated', entityType: 'user', entityId: row.id, details: { changed: Object.keys(changes) } });
    this.bus.publish('users.changed', { userId: row.id }, { kind: 'all' });
    return toPublicUser(row);
  }

  /** Needs the old password; ends the user's other sessions so a stolen one stops working. */
  async changePassword(caller: Caller, input: z.output<typeof changePasswordInput>): Promise<void> {
    if (!(await verifyPassword(input.oldPassword, caller.user.passwordHash))) {
      throw fieldError('oldPassword', 'wrong_password', 'The current password is not correct');
    }
    if (input.oldPassword === input.newPassword) {
      throw fieldError('newPassword', 'same_password', 'The new password must differ from the current one');
    }
    const passwordHash = await hashPassword(input.newPassword);
    this.db.update(users).set({ passwordHash, updatedAt: this.clock.now() }).where(eq(users.id, caller.user.id)).run();
    const ended = this.sessions.endAllFor(caller.user.id, caller.session.sessionId);
    this.bus.publish('session.ended', { reason: 'password_changed' }, { kind: 'sessions', sessionIds: ended });
    this.activity.record({ userId: caller.user.id, action: 'profile.password_changed', entityType: 'user', entityId: caller.user.id });
  }
}
