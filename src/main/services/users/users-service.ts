import type Database from 'better-sqlite3';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { createUserInput, setUserActiveInput, updateUserInput } from '../../../shared/users/schemas';
import type { PublicUser } from '../../../shared/users/types';
import type { Db } from '../../db/open-database';
import { users } from '../../db/schema';
import type { Clock } from '../../base/clock';
import type { EventBus } from '../../events/event-bus';
import { AppError, fieldError } from '../../rpc/app-error';
import type { ActivityLog } from '../activity/activity-log';
import type { Caller } from '../auth/auth-service';
import { hashPassword } from '../auth/passwords';
import { unassignLeaver } from '../numbers/lost-access';
import type { SessionStore } from '../auth/session-store';
import { requireAssignableBranch } from '../branches/branch-ref';
import { countActiveAdmins, emailTakenByOther, findUserById, toPublicUser, type UserRow } from './user-records';

/** An admin's management of the office's users (seed 000's `/api/users` routes). */
export class UsersService {
  /** Tells open inboxes a conversation changed; set by the core. */
  conversationChanged: (conversationId: number) => void = () => {};

  constructor(
    private readonly db: Db,
    private readonly sessions: SessionStore,
    private readonly activity: ActivityLog,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly sqlite: Database.Database,
  ) {}

  list(): PublicUser[] {
    return this.db.select().from(users).orderBy(asc(users.name)).all().map(toPublicUser);
  }

  async create(caller: Caller, input: z.output<typeof createUserInput>): Promise<PublicUser> {
    if (emailTakenByOther(this.db, input.email)) throw emailTaken();
    requireAssignableBranch(this.db, input.branchId);
    const passwordHash = await hashPassword(input.password);
    const now = this.clock.now();
    const row = this.db
      .insert(users)
      .values({ name: input.name, email: input.email, passwordHash, role: input.role, phone: input.phone ?? null, branchId: input.branchId ?? null, createdAt: now, updatedAt: now })
      .returning()
      .get();
    this.activity.record({ userId: caller.user.id, action: 'user.created', entityType: 'user', entityId: row.id, details: { role: row.role } });
    this.bus.publish('users.changed', { userId: row.id }, { kind: 'all' });
    return toPublicUser(row);
  }

  async update(caller: Caller, input: z.output<typeof updateUserInput>): Promise<PublicUser> {
    const current = this.require(input.id);
    if (input.email !== undefined && emailTakenByOther(this.db, input.email, current.id)) throw emailTaken();
    if (input.role !== undefined && input.role !== 'admin' && this.isLastActiveAdmin(current)) {
      throw fieldError('role', 'last_admin', 'The office needs at least one active admin');
    }
    requireAssignableBranch(this.db, input.branchId, current.branchId);
    const passwordHash = input.password !== undefined ? await hashPassword(input.password) : undefined;
    const changes = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.role !== undefined ? { role: input.role } : {}),
      ...(input.phone !== undefined ? { phone: input.phone } : {}),
      ...(input.branchId !== undefined ? { branchId: input.branchId } : {}),
      ...(passwordHash !== undefined ? { passwordHash } : {}),
    };
    const demoted = input.role === 'agent' && current.role !== 'agent';
    const { row, unassigned } = this.db.transaction(() => {
      const now = this.clock.now();
      const row = this.db
        .update(users)
        .set({ ...changes, updatedAt: now })
        .where(eq(users.id, current.id))
        .returning()
        .get();
      // An agent works only their numbers: what they held elsewhere goes back to the queue.
      const unassigned = demoted ? unassignLeaver(this.sqlite, this.activity, caller.user.id, current.id, 'role_changed', now) : [];
      return { row, unassigned };
    });
    // A reset password takes effect at once: the user signs in again with it. (A new role
    // needs no new session: every call reads the user's current role.)
    if (passwordHash !== undefined) {
      const ended = this.sessions.endAllFor(current.id);
      this.bus.publish('session.ended', { reason: 'password_changed' }, { kind: 'sessions', sessionIds: ended });
    }
    const changed = Object.keys(changes).map((k) => (k === 'passwordHash' ? 'password' : k));
    this.activity.record({ userId: caller.user.id, action: 'user.updated', entityType: 'user', entityId: row.id, details: { changed } });
    this.bus.publish('users.changed', { userId: row.id }, { kind: 'all' });
    for (const conversationId of unassigned) this.conversationChanged(conversationId);
    return toPublicUser(row);
  }

  /** Deactivating ends the user's open sessions at once; they cannot sign in until reactivated. */
  setActive(caller: Caller, input: z.output<typeof setUserActiveInput>): PublicUser {
    const current = this.require(input.id);
    if (!input.isActive && this.isLastActiveAdmin(current)) {
      throw fieldError('isActive', 'last_admin', 'The office needs at least one active admin');
    }
    const { row, unassigned } = this.db.transaction(() => {
      const now = this.clock.now();
      const updated = this.db
        .update(users)
        .set({ isActive: input.isActive, ...(input.isActive ? {} : { status: 'OFFLINE' as const }), updatedAt: now })
        .where(eq(users.id, current.id))
        .returning()
        .get();
      if (input.isActive) return { row: updated, unassigned: [] };
      const ended = this.sessions.endAllFor(current.id);
      this.bus.publish('session.ended', { reason: 'deactivated' }, { kind: 'sessions', sessionIds: ended });
      // Nobody would answer the customers of someone who has left: their conversations go back to the queue.
      return { row: updated, unassigned: unassignLeaver(this.sqlite, this.activity, caller.user.id, current.id, 'user_deactivated', now) };
    });
    this.activity.record({
      userId: caller.user.id,
      action: input.isActive ? 'user.activated' : 'user.deactivated',
      entityType: 'user',
      entityId: row.id,
    });
    this.bus.publish('users.changed', { userId: row.id }, { kind: 'all' });
    for (const conversationId of unassigned) this.conversationChanged(conversationId);
    return toPublicUser(row);
  }

  private require(id: number): UserRow {
    const row = findUserById(this.db, id);
    if (!row) throw new AppError('NOT_FOUND', `User with ID '${id}' not found`);
    return row;
  }

  private isLastActiveAdmin(row: UserRow): boolean {
    return row.role === 'admin' && row.isActive && countActiveAdmins(this.db) <= 1;
  }
}

const emailTaken = () => fieldError('email', 'email_taken', 'A user with this email already exists', 'CONFLICT');
