import type { usersChannels } from '../../../shared/users/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { AuthService } from '../auth/auth-service';
import type { ProfileService } from './profile-service';
import type { UsersService } from './users-service';

/** Binds the users slice's channels to its services. */
export function usersHandlers(s: { auth: AuthService; profile: ProfileService; users: UsersService }): HandlerMap<typeof usersChannels> {
  return {
    'auth.state': (_input, { caller, local }) => s.auth.state(caller, local),
    'auth.setupAdmin': (input, ctx) => s.auth.setupAdmin(input, ctx),
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
  };
}
