import { useEffect } from 'react';
import type { PublicUser } from '../../../../shared/types';
import { useRouteStore, type Route } from '../../stores/route-store';
import { ActivityPage } from '../activity/ActivityPage';
import { ForbiddenPage } from '../forbidden/ForbiddenPage';
import { ProfilePage } from '../profile/ProfilePage';
import { UsersPage } from '../users/UsersPage';
import { canSee, defaultRoute } from './access';
import { SideNav } from './SideNav';

function Page({ route, user }: { route: Route; user: PublicUser }) {
  if (!canSee(user.role, route)) return <ForbiddenPage route={route} />;
  switch (route) {
    case 'users':
      return <UsersPage user={user} />;
    case 'activity':
      return <ActivityPage />;
    case 'profile':
      return <ProfilePage user={user} />;
  }
}

/** The signed-in layout: navigation on the inline-start side, the current page beside it. */
export function AppShell({ user }: { user: PublicUser }) {
  const route = useRouteStore((state) => state.route);
  const replace = useRouteStore((state) => state.replace);
  const current = route ?? defaultRoute(user.role);

  useEffect(() => {
    if (route === null) replace(defaultRoute(user.role));
  }, [route, replace, user.role]);

  return (
    <div className="app-shell" data-testid="app-shell">
      <SideNav user={user} current={current} />
      <main className="main" id="main">
        <Page key={current} route={current} user={user} />
      </main>
    </div>
  );
}
