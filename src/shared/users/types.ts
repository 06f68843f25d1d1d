import type { Role, UserPresence } from '../domain';

/** A user as every channel returns it: never the password hash. */
export interface PublicUser {
  id: number;
  name: string;
  email: string;
  role: Role;
  status: UserPresence;
  isActive: boolean;
  phone: string | null;
  language: 'ar' | 'en';
  branchId: number | null;
  lastLoginAt: string | null;
  lastLogoutAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface AuthState {
  /** True until the first admin exists: nothing else is reachable before. */
  needsSetup: boolean;
  /** Setup from this client needs the host's one-time setup code (another computer, LAN mode). */
  setupCodeRequired: boolean;
  user: PublicUser | null;
}

export interface SignInResult {
  token: string;
  expiresAt: string;
  user: PublicUser;
}

export type SessionEndReason = 'signed_out' | 'deactivated' | 'expired' | 'password_changed';
