/**
 * The Content-Security-Policy of the app's page, in two forms. A <meta> policy cannot carry
 * `frame-ancestors` (the browser ignores it there and warns on every page), so the renderer's
 * index.html carries `metaContentSecurityPolicy` (a test keeps them equal), and the shells send
 * the whole `contentSecurityPolicy` as a header: the host with every response, Electron through
 * its session's response headers. `connect-src 'self'` already covers the page's own ws:/wss:
 * origin (CSP 3), so no other socket anywhere is reachable from the page.
 */
export const metaContentSecurityPolicy = pagePolicy("'self'");

/** No other site may frame the app (clickjacking); only a header can say so. */
export const contentSecurityPolicy = `${metaContentSecurityPolicy}; frame-ancestors 'none'`;

/**
 * The host's header: the same policy, naming its own WebSocket origin (the one the page was
 * loaded from) so that a browser reading `'self'` by the older rule still reaches `/ws` and
 * nothing else. `origin` is `ws://host:port` or `wss://host:port`, or undefined to name none.
 */
export function hostContentSecurityPolicy(socketOrigin: string | undefined): string {
  return socketOrigin ? `${pagePolicy(`'self' ${socketOrigin}`)}; frame-ancestors 'none'` : contentSecurityPolicy;
}

function pagePolicy(connectSources: string): string {
  return `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; connect-src ${connectSources}; object-src 'none'; base-uri 'none'; form-action 'none'`;
}
