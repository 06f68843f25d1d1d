/**
 * The Content-Security-Policy of the app's page, in two forms. A <meta> policy cannot carry
 * `frame-ancestors` (the browser ignores it there and warns on every page), so the renderer's
 * index.html carries `metaContentSecurityPolicy` (a test keeps them equal), and the shells send
 * the whole `contentSecurityPolicy` as a header: the host with every response, Electron through
 * its session's response headers.
 */
export const metaContentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; form-action 'none'";

/** No other site may frame the app (clickjacking); only a header can say so. */
export const contentSecurityPolicy = `${metaContentSecurityPolicy}; frame-ancestors 'none'`;
