import type { ChannelName } from '../../../../shared/contract';
import type { Role } from '../../../../shared/domain';
import type { Route } from '../../stores/route-store';

/**
 * Which roles see which page, mirroring the contract's access lists so the menu shows only
 * what will work. The core is the real guard: a hidden page is still refused there.
 */
const pageAccess: Record<Route, { roles: readonly Role[]; channel: ChannelName }> = {
  users: { roles: ['admin', 'supervisor'], channel: 'users.list' },
  activity: { roles: ['admin', 'supervisor'], channel: 'activity.list' },
  profile: { roles: ['admin', 'supervisor', 'agent'], channel: 'auth.state' },
};

export const canSee = (role: Role, route: Route): boolean => pageAccess[route].roles.includes(role);
export const pageChannel = (route: Route): ChannelName => pageAccess[route].channel;
export const defaultRoute = (role: Role): Route => (role === 'agent' ? 'profile' : 'users');
/** Only admins change other users. */
export const canManageUsers = (role: Role): boolean => role === 'admin';
