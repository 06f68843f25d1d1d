import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { setupAdminInput, signInInput } from '../../../shared/users/schemas';
import type { AuthState, SignInResult } from '../../../shared/users/types';
import { errorReasons } from '../../../shared/errors';
import type { Db } from '../../db/open-database';
import { users } from '../../db/schema';
import type { Clock } from '../../base/clock';
import { toIso, waitOn } from '../../base/clock';
import { AppError } from '../../rpc/app-error';
import type { EventBus } from '../../events/event-bus';
import type { ActivityLog } from '../activity/activity-log';
import { countAdmins, findUserByEmail, findUserById, toPublicUser, type UserRow } from '../users/user-records';
import { decoyHash, hashPassword, verifyPassword } from './passwords';
import type { LoginThrottle } from './login-throttle';
import type { ActiveSession, SessionStore } from './session-store';
import { newSetupCode, sameSetupCode } from './setup-code';

export interface Caller {
  user: UserRow;
  session: ActiveSession;
  /** An API key limited to some numbers: never more than these, and never more than the user's own. */
  numberLimit?: readonly number[];
}

/** Where a call came from, as the shell tells it. */
export interface CallOrigin {
  clientKey: string;
  /** The host computer itself: the desktop window or a loopback connection. */
  local: boolean;
}

export interface AuthOptions {
  /**
   * The host listens on the office network: until the first admin exists, setup from
   * another computer needs a one-time code printed on the host's console.
   */
  remoteSetup?: boolean;
}

/** Every wrong setup code counts here, from whichever computer: the code is one for all. */
const setupCodeKey = 'setup-code';

/** First-run setup, sign-in, sign-out and session checks (seed 000's auth routes, hardened). */
export class AuthService {
  /** Told after each sign-in (the core sets it: admins are notified of their staff's). */
  signedIn: (user: UserRow) => void = () => {};

  constructor(
    private readonly db: Db,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
    private readonly activity: ActivityLog,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    options: AuthOptions = {},
  ) {
    this.remoteSetup = options.remoteSetup ?? false;
    this.setupCode = this.remoteSetup && this.needsSetup() ? newSetupCode() : undefined;
  }

  private readonly remoteSetup: boolean;

  /** The one-time code for setup from another computer; undefined when none is needed or it was used. */
  private setupCode: string | undefined;

  /** For the host to print at start. */
  pendingSetupCode(): string | undefined {
    return this.needsSetup() ? this.setupCode : undefined;
  }

  needsSetup(): boolean {
    return countAdmins(this.db) === 0;
  }

  state(caller: Caller | undefined, local: boolean): AuthState {
    const needsSetup = this.needsSetup();
    return { needsSetup, setupCodeRequired: needsSetup && !local, user: caller ? toPublicUser(caller.user) : null };
  }

  /**
   * Creates the first admin and signs them in; refused once an admin exists. From another
   * computer it needs the host's setup code, so a fresh LAN install cannot be claimed by
   * whoever reaches the port first.
   */
  async setupAdmin(input: z.output<typeof setupAdminInput>, origin: CallOrigin): Promise<SignInResult> {
    if (!this.needsSetup()) throw new AppError('CONFLICT', errorReasons.setupDone);
    if (!origin.local) await this.redeemSetupCode(input.setupCode);
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

  /** Checks and uses up the setup code; taken before any await, so two callers cannot both use it. */
  private async redeemSetupCode(typed: string | undefined): Promise<void> {
    if (!this.remoteSetup) throw new AppError('FORBIDDEN', errorReasons.setupLocalOnly, undefined, 'First-run setup is accepted only on the host computer');
    if (!typed) throw new AppError('FORBIDDEN', errorReasons.setupCodeRequired, undefined, 'The setup code shown on the host computer is required');
    const ticket = this.throttle.begin([setupCodeKey]);
    if (ticket.locked) throw new AppError('RATE_LIMIT_EXCEEDED', errorReasons.tooManyAttempts, ticket.lockedForSeconds);
    // No code left means it was used (by a setup running alongside this one).
    if (!this.setupCode || !sameSetupCode(typed, this.setupCode)) {
      if (ticket.delayMs > 0) await waitOn(this.clock, ticket.delayMs);
      throw new AppError('FORBIDDEN', errorReasons.setupCodeInvalid, undefined, 'The setup code is wrong');
    }
    this.setupCode = undefined;
    this.throttle.succeeded([setupCodeKey]);
  }

  /**
   * Failures are counted per email and per client (window, loopback connection or network
   * address), separately: guessing one user's password from many computers locks that user,
   * and one computer guessing many users locks that computer, but a locked computer does not
   * stop anyone else signing in from theirs.
   */
  async signIn(input: z.output<typeof signInInput>, clientKey: string): Promise<SignInResult> {
    if (this.needsSetup()) throw new AppError('UNPROCESSABLE_ENTITY', errorReasons.setupRequired);
    const keys = [`email:${input.email}`, `client:${clientKey}`];
    // Counted before the (slow) check, so guesses sent all at once meet the lock as one-by-one ones do.
    const ticket = this.throttle.begin(keys);
    if (ticket.locked) throw new AppError('RATE_LIMIT_EXCEEDED', errorReasons.tooManyAttempts, ticket.lockedForSeconds);
    if (ticket.delayMs > 0) await waitOn(this.clock, ticket.delayMs);

    const row = findUserByEmail(this.db, input.email);
    const valid = await verifyPassword(input.password, row?.passwordHash ?? (await decoyHash()));
    if (!row || !valid) {
      this.activity.record({ userId: row?.id ?? null, action: 'auth.sign_in_failed', entityType: 'user', entityId: row?.id });
      throw new AppError('UNAUTHORIZED', errorReasons.invalidCredentials, undefined, 'Invalid email or password');
    }
    this.throttle.succeeded(keys);
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
    this.signedIn(updated);
    return { token, expiresAt: toIso(session.expiresAt), user: toPublicUser(updated) };
  }
}

