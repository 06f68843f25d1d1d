import type { Handlers } from '../rpc/router';
import type { ActivityLog } from '../services/activity/activity-log';
import type { AuthService, Caller } from '../services/auth/auth-service';
import type { ProfileService } from '../services/users/profile-service';
import type { UsersService } from '../services/users/users-service';

export interface Services {
  auth: AuthService;
  users: UsersService;
  profile: ProfileService;
  activity: ActivityLog;
}

/** The router guarantees a caller on every non-public channel; this states it for the types. */
const signedIn = (caller: Caller | undefined): Caller => caller!;

/** Binds every contract channel to its service method. */
export function createHandlers(s: Services): Handlers {
  return {
    'auth.state': (_input, { caller }) => s.auth.state(caller),
    'auth.setupAdmin': (input) => s.auth.setupAdmin(input),
    'auth.signIn': (input, { clientKey }) => s.auth.signIn(input, clientKey),
    'auth.signOut': (_input, { caller }) => {
      s.auth.signOut(signedIn(caller));
      return { ok: true as const };
    },
    'profile.update': (input, { caller }) => s.profile.update(signedIn(caller), input),
    'profile.changePassword': async (input, { caller }) => {
      await s.profile.changePassword(signedIn(caller), input);
      return { ok: true as const };
    },
    'users.list': () => s.users.list(),
    'users.create': (input, { caller }) => s.users.create(signedIn(caller), input),
    'users.update': (input, { caller }) => s.users.update(signedIn(caller), input),
    'users.setActive': (input, { caller }) => s.users.setActive(signedIn(caller), input),
    'activity.list': (input) => s.activity.list(input.limit, input.beforeId),
  };
}
