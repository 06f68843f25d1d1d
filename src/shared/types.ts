import type { Role, UserPresence } from './domain';

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

export interface ActivityEntry {
  id: number;
  action: string;
  entityType: string | null;
  entityId: number | null;
  /** The target's name when it is a user, a WhatsApp number or a contact (or its phone); other kinds show their type and id. */
  entityName: string | null;
  userId: number | null;
  userName: string | null;
  details: Record<string, unknown> | null;
  createdAt: string;
}

export type SessionEndReason = 'signed_out' | 'deactivated' | 'expired' | 'password_changed';
