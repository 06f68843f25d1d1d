import { adminOnly, channel, managers } from '../contract-kit';
import { empty } from '../fields';
import * as s from './schemas';
import type { AuthState, PublicUser, SessionEndReason, SignInResult } from './types';

/** Signing in and out, one's own profile, and the office's users. */
export const usersChannels = {
  'auth.state': channel<AuthState>()({ input: empty, access: 'public', kind: 'read' }),
  'auth.setupAdmin': channel<SignInResult>()({ input: s.setupAdminInput, access: 'public', kind: 'write' }),
  'auth.signIn': channel<SignInResult>()({ input: s.signInInput, access: 'public', kind: 'write' }),
  'auth.signOut': channel<{ ok: true }>()({ input: empty, access: 'user', kind: 'write' }),
  'profile.update': channel<PublicUser>()({ input: s.updateProfileInput, access: 'user', kind: 'write' }),
  'profile.changePassword': channel<{ ok: true }>()({ input: s.changePasswordInput, access: 'user', kind: 'write' }),
  'users.list': channel<PublicUser[]>()({ input: empty, access: managers, kind: 'read' }),
  'users.create': channel<PublicUser>()({ input: s.createUserInput, access: adminOnly, kind: 'write' }),
  'users.update': channel<PublicUser>()({ input: s.updateUserInput, access: adminOnly, kind: 'write' }),
  'users.setActive': channel<PublicUser>()({ input: s.setUserActiveInput, access: adminOnly, kind: 'write' }),
} as const;

export interface UsersEvents {
  /** This window's session ended elsewhere (deactivated, password changed, expired). */
  'session.ended': { reason: SessionEndReason };
  /** The user list changed: admin screens refresh. */
  'users.changed': { userId: number };
}
