import { create } from 'zustand';
import { addressFromHash, hashFor, type Address, type Route } from './route-address';

export { routes, type Route } from './route-address';

interface RouteState extends Address {
  navigate(route: Route): void;
  /** Replaces the address without a history entry (defaults, sign-out). */
  replace(route: Route | null): void;
  /** The inbox shows this conversation: its own address, without a history entry per conversation opened. */
  showConversation(id: number): void;
  /** Goes to a conversation from another page (a history entry, so Back returns there). */
  navigateToConversation(id: number): void;
}

function setAddress(route: Route | null, conversationId: number | null): void {
  const url = `${window.location.pathname}${window.location.search}${hashFor(route, conversationId)}`;
  window.history.replaceState(null, '', url);
  useRouteStore.setState({ route, conversationId, notFound: false });
}

export const useRouteStore = create<RouteState>()(() => ({
  ...addressFromHash(window.location.hash),
  navigate: (route) => {
    window.location.hash = hashFor(route);
  },
  replace: (route) => setAddress(route, null),
  showConversation: (id) => setAddress('inbox', id),
  navigateToConversation: (id) => {
    window.location.hash = hashFor('inbox', id);
    useRouteStore.setState({ route: 'inbox', conversationId: id, notFound: false });
  },
}));

window.addEventListener('hashchange', () => {
  useRouteStore.setState(addressFromHash(window.location.hash));
});
