import fs from 'node:fs';
import path from 'node:path';
import type { Protocol } from 'electron';
import { contentTypes, insideFile, realDir } from '../host/static-files';

/**
 * The built renderer is served as `app://meras/…`, not `file://` (Electron security checklist
 * item 18): a file page may read any other file, a custom scheme only what this handler gives,
 * and the `grantFileProtocolExtraPrivileges` fuse can then be off.
 */
export const appScheme = 'app';
export const appOrigin = `${appScheme}://meras`;
export const appEntryUrl = `${appOrigin}/index.html`;

type SchemeRegistry = Pick<Protocol, 'registerSchemesAsPrivileged'>;
type ProtocolHandlers = Pick<Protocol, 'handle'>;

/** Must run before the app is ready: a standard, secure origin (storage, fetch, CSP 'self' work as on https). */
export function registerAppScheme(protocol: SchemeRegistry): void {
  protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

/** The file an `app://meras/…` URL names inside the renderer folder, or null (another host, `..`, a link out, no such file). */
export function rendererFileFor(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (`${parsed.protocol}//${parsed.host}` !== appOrigin) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  const root = realDir(rendererDir);
  const file = pathname === '/' ? path.join(root, 'index.html') : path.resolve(root, '.' + pathname);
  return insideFile(root, file) ?? null;
}

/** Answers `app://` requests from the renderer folder, with the page's CSP on every response. */
export function serveAppScheme(protocol: ProtocolHandlers, rendererDir: string, policy: string): void {
  protocol.handle(appScheme, async (request) => {
    const file = request.method === 'GET' ? rendererFileFor(request.url, rendererDir) : null;
    if (!file) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
    const body = await fs.promises.readFile(file);
    return new Response(body, {
      headers: {
        'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
        'Content-Security-Policy': policy,
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
