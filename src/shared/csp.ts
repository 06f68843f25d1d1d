/**
 * The Content-Security-Policy of the app's page. The renderer's index.html carries the same
 * string in a meta tag (a test keeps them equal); the host also sends it as a header.
 */
export const contentSecurityPolicy =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; font-src 'self'; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
