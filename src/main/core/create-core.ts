import { openDatabase } from '../db/open-database';
import { EventBus } from '../events/event-bus';
import { createRouter } from '../rpc/router';
import { RateLimiter, type RateLimits } from '../rpc/rate-limiter';
import { ActivityLog } from '../services/activity/activity-log';
import { AuthService } from '../services/auth/auth-service';
import { LoginThrottle, defaultThrottlePolicy, type ThrottlePolicy } from '../services/auth/login-throttle';
import { SessionStore, defaultSessionPolicy, type SessionPolicy } from '../services/auth/session-store';
import { ProfileService } from '../services/users/profile-service';
import { UsersService } from '../services/users/users-service';
import { systemClock, type Clock } from './clock';
import { createHandlers } from './handlers';
import { consoleLogger, type Logger } from './logger';

export interface CoreOptions {
  dataDir: string;
  migrationsDir: string;
  clock?: Clock;
  logger?: Logger;
  /** Per-user call limits; the host shell sets seed 003's, the desktop none. */
  rateLimits?: RateLimits;
  sessionPolicy?: SessionPolicy;
  throttlePolicy?: ThrottlePolicy;
}

/** The whole core, with no Electron in it: both shells and the tests start it the same way. */
export function createCore(options: CoreOptions) {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? consoleLogger;
  const database = openDatabase(options.dataDir, options.migrationsDir);
  const { db } = database;
  const bus = new EventBus();
  const activity = new ActivityLog(db, clock);
  const sessions = new SessionStore(db, clock, options.sessionPolicy ?? defaultSessionPolicy);
  sessions.purgeExpired();
  const throttle = new LoginThrottle(clock, options.throttlePolicy ?? defaultThrottlePolicy);
  const auth = new AuthService(db, sessions, throttle, activity, bus, clock);
  const users = new UsersService(db, sessions, activity, bus, clock);
  const profile = new ProfileService(db, sessions, activity, bus, clock);

  const router = createRouter({
    handlers: createHandlers({ auth, users, profile, activity }),
    authenticate: (token) => auth.authenticate(token),
    ...(options.rateLimits ? { rateLimiter: new RateLimiter(options.rateLimits, clock) } : {}),
    logger,
  });

  return {
    router,
    bus,
    database,
    logger,
    close(): void {
      database.close();
    },
  };
}
export type Core = ReturnType<typeof createCore>;
