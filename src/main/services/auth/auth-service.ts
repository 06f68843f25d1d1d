import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { setupAdminInput, signInInput } from '../../../shared/users/schemas';
import type { AuthState, SignInResult } from '../../../shared/users/types';
import { errorReasons } from '../../../shared/errors';
import type { Db } from '../../db/open-database';
import { users } from '../../db/schema';
import type { Clock } from '../../base/clock';
import { toIso } from '../../base/clock';
import { AppError } from '../../rpc/app-error';
import type { EventBus } from '../../events/event-bus';
import type { ActivityLog } from '../activity/activity-log';
import { countAdmins, findUserByEmail, findUserById, toPublicUser, type UserRow } from '../users/user-records';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import type { LoginThrottle } from './login-throttle';
import type { ActiveSession, SessionStore } from './session-store';

export interface Caller {
  user: UserRow;
  session: ActiveSession;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** First-run setup, sign-in, sign-out and session checks (seed 000's auth routes, hardened). */
export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
    private readonly activity: ActivityLog,
    private readonly bus: EventBus,
    private readonly clock: Clock,
  ) {}

  needsSetup(): boolean {
    return countAdmins(this.db) === 0;
  }

  state(caller: Caller | undefined): AuthState {
    return { needsSetup: this.needsSetup(), user: caller ? toPublicUser(caller.user) : null };
  }

  /** Creates the first admin and signs them in; refused once an admin exists. */
  async setupAdmin(input: z.output<typeof setupAdminInput>): Promise<SignInResult> {
    const passwordHash = await hashPassword(input.password);
    // better-sqlite3 is synchronous: the count and the insert run inside one transaction.
    const row = this.db.transaction((tx) => {
      if (countAdmins(this.db) > 0) throw new AppError('CONFLICT', errorReasons.setupDone);
      return tx
        .insert(users)
        .values({ name: input.name, email: input.email, passwordHash, role: 'admin', createdAt: this.clock.now(), updatedAt: this.clock.now() })
        .returning()
        .get();
    });
    this.activity.record({ userId: row.id, action: 'user.created', entityType: 'user', entityId: row.id, details: { role: 'admin', firstRun: true } });
    return this.startSession(row);
  }

  /**
   * Failures are counted per email and client (window or network address), so someone
   * guessing from one computer cannot lock the real user out of theirs.
   */
  async signIn(input: z.output<typeof signInInput>, clientKey: string): Promise<SignInResult> {
    if (this.needsSetup()) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.setupRequired);
    const key = `${input.email}|${clientKey}`;
    const locked = this.throttle.lockedFor(key);
    if (locked > 0) throw new AppError('RATE_LIMIT_EXCEEDED', errorReasons.tooManyAttempts, locked);
    const delay = this.throttle.delayFor(key);
    if (delay > 0) await sleep(delay);

    const row = findUserByEmail(this.db, input.email);
    const valid = await verifyPassword(input.password, row?.passwordHash ?? (await decoyHash()));
    if (!row || !valid) {
      this.throttle.recordFailure(key);
      this.activity.record({ userId: row?.id ?? null, action: 'auth.sign_in_failed', entityType: 'user', entityId: row?.id });
      throw new AppError('UNAUTHORIZED', errorReasons.invalidCredentials, undefined, 'Invalid email or password');
    }
    this.throttle.recordSuccess(key);
    if (!row.isActive) throw new AppError('UNAUTHORIZED', errorReasons.accountInactive, undefined, 'This account is deactivated');
    return this.startSession(row);
  }

  signOut(caller: Caller): void {
    this.sessions.end(caller.session.sessionId);
    const now = this.clock.now();
    // Still ONLINE while another window or computer keeps a session open.
    const status = this.sessions.countFor(caller.user.id) > 0 ? 'ONLINE' : 'OFFLINE';
    this.db.update(users).set({ status, lastLogoutAt: now }).where(eq(users.id, caller.user.id)).run();
    this.activity.record({ userId: caller.user.id, action: 'auth.signed_out', entityType: 'user', entityId: caller.user.id });
    // Presence shows live in the team list of every open window.
    this.bus.publish('users.changed', { userId: caller.user.id }, { kind: 'all' });
  }

  /** The caller behind a token, or undefined when the token is unknown, expired or its user deactivated. */
  authenticate(token: string | undefined): Caller | undefined {
    if (!token) return undefined;
    const session = this.sessions.resolve(token);
    if (!session) return undefined;
    const user = findUserById(this.db, session.userId);
    if (!user || !user.isActive) {
      this.sessions.end(session.sessionId);
      return undefined;
    }
    return { user, session };
  }

  private startSession(row: UserRow): SignInResult {
    const now = this.clock.now();
    const { token, session } = this.sessions.create(row.id);
    const updated = this.db
      .update(users)
      .set({ status: 'ONLINE', lastLoginAt: now })
      .where(eq(users.id, row.id))
      .returning()
      .get();
    this.activity.record({ userId: row.id, action: 'auth.signed_in', entityType: 'user', entityId: row.id });
    this.bus.publish('users.changed', { userId: row.id }, { kind: 'all' });
    return { token, expiresAt: toIso(session.expiresAt), user: toPublicUser(updated) };
  }
}

