import type { ChannelInput } from '../../../shared/contract';
import type { SessionEndReason, SignInResult } from '../../../shared/users/types';
import { call, onEvent, onReconnect, toApiError } from '../api/client';
import { useRouteStore } from './route-store';
import { useSessionStore } from './session-store';

const session = () => useSessionStore.getState();

/** Asks the core where we stand: first run, signed out, or still signed in with the stored token. */
export async function loadAuthState(): Promise<void> {
  const hadToken = session().token !== undefined;
  try {
    const state = await call('auth.state', {});
    if (state.needsSetup) {
      session().end(null);
      session().setNeedsSetup(state.setupCodeRequired);
    } else if (state.user) {
      const token = session().token;
      if (token) session().setSignedIn(token, state.user);
      else session().end(null);
    } else if (hadToken) {
      signedOut('expired');
    } else if (session().phase !== 'signedOut') {
      session().setSignedOut(null);
    }
  } catch (error) {
    if (session().phase !== 'signedIn') session().setUnreachable(toApiError(error));
  }
}

export async function boot(): Promise<void> {
  session().setLoading();
  await loadAuthState();
}

function enter(result: SignInResult): void {
  // The next user may have another role: let the shell pick their default page.
  useRouteStore.getState().replace(null);
  session().setSignedIn(result.token, result.user);
}

export async function setupAdmin(input: ChannelInput<'auth.setupAdmin'>): Promise<void> {
  enter(await call('auth.setupAdmin', input));
}

export async function signIn(input: ChannelInput<'auth.signIn'>): Promise<void> {
  enter(await call('auth.signIn', input));
}

function signedOut(reason: SessionEndReason | null): void {
  useRouteStore.getState().replace(null);
  session().end(reason);
}

export async function signOut(): Promise<void> {
  try {
    await call('auth.signOut', {});
  } catch {
    // Signing out locally must work even when the core cannot be told.
  }
  signedOut(null);
}

/** Session events from the core, wired once for the life of the window. */
export function watchSession(): () => void {
  const offEnded = onEvent('session.ended', ({ reason }) => {
    if (session().phase === 'signedIn') signedOut(reason);
  });
  const offChanged = onEvent('users.changed', ({ userId }) => {
    if (session().user?.id === userId) void loadAuthState();
  });
  // A fresh socket carries no session: re-checking binds it again and notices expiry.
  const offReconnect = onReconnect(() => {
    if (session().phase === 'signedIn') void loadAuthState();
    else if (session().phase === 'unreachable') void boot();
  });
  return () => {
    offEnded();
    offChanged();
    offReconnect();
  };
}
