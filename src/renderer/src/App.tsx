import { useEffect } from 'react';
import { LoadingScreen } from './components/LoadingScreen';
import { AppShell } from './pages/shell/AppShell';
import { SetupPage } from './pages/setup/SetupPage';
import { SignInPage } from './pages/signin/SignInPage';
import { UnreachablePage } from './pages/signin/UnreachablePage';
import { boot, watchSession } from './stores/session-actions';
import { useSessionStore } from './stores/session-store';

/** Start-up check, then exactly one of: first-run setup, sign-in, or the signed-in app. */
export function App() {
  const phase = useSessionStore((state) => state.phase);
  const user = useSessionStore((state) => state.user);

  useEffect(() => {
    const stop = watchSession();
    void boot();
    return stop;
  }, []);

  switch (phase) {
    case 'loading':
      return <LoadingScreen />;
    case 'unreachable':
      return <UnreachablePage />;
    case 'setup':
      return <SetupPage />;
    case 'signedOut':
      return <SignInPage />;
    case 'signedIn':
      return user ? <AppShell user={user} /> : <LoadingScreen />;
  }
}
