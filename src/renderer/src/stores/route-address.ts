/** In menu order. */
export const routes = ['inbox', 'dashboard', 'contacts', 'properties', 'calendar', 'offers', 'invoices', 'templates', 'automation', 'ai', 'numbers', 'users', 'branches', 'activity', 'office', 'backups', 'desktop', 'integrations', 'cloud', 'profile'] as const;
export type Route = (typeof routes)[number];

/** Where the address points: a page (null: none named, the shell picks the role's default), a conversation, or nowhere known. */
export interface Address {
  route: Route | null;
  /** `#/inbox/<id>`: the conversation to open. */
  conversationId: number | null;
  /** The address names no page of the app. */
  notFound: boolean;
}

const isRoute = (name: string): name is Route => (routes as readonly string[]).includes(name);

export function addressFromHash(hash: string): Address {
  const parts = hash.replace(/^#\/?/, '').replace(/\/$/, '').split('/');
  const [name = '', id, ...rest] = parts;
  if (name === '' && parts.length === 1) return { route: null, conversationId: null, notFound: false };
  if (!isRoute(name) || rest.length > 0) return { route: null, conversationId: null, notFound: true };
  if (id === undefined) return { route: name, conversationId: null, notFound: false };
  // Only a conversation has an address of its own, and its id is a positive whole number.
  if (name !== 'inbox' || !/^[1-9][0-9]{0,15}$/.test(id)) return { route: null, conversationId: null, notFound: true };
  return { route: 'inbox', conversationId: Number(id), notFound: false };
}

export function hashFor(route: Route | null, conversationId: number | null = null): string {
  if (route === null) return '';
  return conversationId === null ? `#/${route}` : `#/${route}/${conversationId}`;
}
