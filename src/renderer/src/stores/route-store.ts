import { create } from 'zustand';

/** In menu order. */
export const routes = ['inbox', 'contacts', 'properties', 'templates', 'numbers', 'users', 'activity', 'profile'] as const;
export type Route = (typeof routes)[number];

function routeFromHash(hash: string): Route | null {
  const name = hash.replace(/^#\/?/, '');
  return (routes as readonly string[]).includes(name) ? (name as Route) : null;
}

interface RouteState {
  /** null when the hash names no page: the shell picks the role's default. */
  route: Route | null;
  navigate(route: Route): void;
  /** Replaces the address without a history entry (defaults, sign-out). */
  replace(route: Route | null): void;
}

export const useRouteStore = create<RouteState>()((set) => ({
  route: routeFromHash(window.location.hash),
  navigate: (route) => {
    window.location.hash = `#/${route}`;
  },
  replace: (route) => {
    const url = `${window.location.pathname}${window.location.search}${route ? `#/${route}` : ''}`;
    window.history.replaceState(null, '', url);
    set({ route });
  },
}));

window.addEventListener('hashchange', () => {
  useRouteStore.setState({ route: routeFromHash(window.location.hash) });
});
