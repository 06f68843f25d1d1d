import type { SameNames } from '../contract-kit';
import type { usersChannels, UsersEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const usersChannelNames = [
  'auth.state',
  'auth.setupAdmin',
  'auth.signIn',
  'auth.signOut',
  'profile.update',
  'profile.changePassword',
  'users.list',
  'users.create',
  'users.update',
  'users.setActive',
] as const;
export const usersEventNames = ['session.ended', 'users.changed'] as const;

const listed: [SameNames<(typeof usersChannelNames)[number], keyof typeof usersChannels>, SameNames<(typeof usersEventNames)[number], keyof UsersEvents>] = [true, true];
void listed;
