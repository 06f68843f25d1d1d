import { create } from 'zustand';
import type { ApiError } from '../../../shared/errors';
import type { PublicUser, SessionEndReason } from '../../../shared/users/types';
import { readStored, writeStored } from './local-storage';

const tokenKey = 'meras.session';

export type SessionPhase = 'loading' | 'unreachable' | 'setup' | 'signedOut' | 'signedIn';

interface SessionState {
  phase: SessionPhase;
  /** Kept across reloads; the core decides whether it is still good. */
  token: string | undefined;
  user: PublicUser | null;
  /** Why the last session ended, shown on the sign-in page. */
  notice: SessionEndReason | null;
  /** Why the start-up check failed, when the core could not be reached. */
  bootError: ApiError | null;
  /** First-run setup from another computer: the host's one-time code is asked for. */
  setupCodeRequired: boolean;

  setLoading(): void;
  setUnreachable(error: ApiError): void;
  setNeedsSetup(setupCodeRequired: boolean): void;
  setSignedOut(notice: SessionEndReason | null): void;
  setSignedIn(token: string, user: PublicUser): void;
  setUser(user: PublicUser): void;
  /** The session is over (signed out, expired, deactivated…): forget the token. */
  end(notice: SessionEndReason | null): void;
}

export const useSessionStore = create<SessionState>()((set) => ({
  phase: 'loading',
  token: readStored(tokenKey) ?? undefined,
  user: null,
  notice: null,
  bootError: null,
  setupCodeRequired: false,

  setLoading: () => set({ phase: 'loading', bootError: null }),
  setUnreachable: (error) => set({ phase: 'unreachable', bootError: error }),
  setNeedsSetup: (setupCodeRequired) => set({ phase: 'setup', user: null, notice: null, setupCodeRequired }),
  setSignedOut: (notice) => set({ phase: 'signedOut', user: null, notice }),
  setSignedIn: (token, user) => {
    writeStored(tokenKey, token);
    set({ phase: 'signedIn', token, user, notice: null });
  },
  setUser: (user) => set({ user }),
  end: (notice) => {
    writeStored(tokenKey, null);
    set({ phase: 'signedOut', token: undefined, user: null, notice });
  },
}));
