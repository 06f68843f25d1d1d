/**
 * The Content-Security-Policy of the app's page. The renderer's index.html carries the same
 * string in a meta tag (a test keeps them equal); the Electron shell adds it as a header for
 * the dev server. `connect-src 'self'` already covers the page's own ws:/wss: origin (CSP 3),
 * so no other socket anywhere is reachable from the page.
 */
export const contentSecurityPolicy = pagePolicy("'self'");

/**
 * The host's header: the same policy, naming its own WebSocket origin (the one the page was
 * loaded from) so that a browser reading `'self'` by the older rule still reaches `/ws` and
 * nothing else. `origin` is `ws://host:port` or `wss://host:port`, or undefined to name none.
 */
export function hostContentSecurityPolicy(socketOrigin: string | undefined): string {
  return socketOrigin ? pagePolicy(`'self' ${socketOrigin}`) : contentSecurityPolicy;
}

function pagePolicy(connectSources: string): string {
  return `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; connect-src ${connectSources}; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
}
