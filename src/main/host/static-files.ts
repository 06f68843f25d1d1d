import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TLSSocket } from 'node:tls';
import { pipeline } from 'node:stream';
import { hostContentSecurityPolicy } from '../../shared/csp';
import type { Logger } from '../base/logger';
import { isTrustedHostName } from './socket-server';

export const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

/**
 * The page needs none of these powers (notifications are not governed by this header), so
 * none is granted, to it or to anything it might embed.
 */
export const permissionsPolicy =
  'accelerometer=(), autoplay=(self), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()';

function securityHeaders(req: IncomingMessage) {
  return {
    'Content-Security-Policy': hostContentSecurityPolicy(socketOrigin(req)),
    'X-Content-Type-Options': 'nosniff',
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    // Another site may not embed the app's scripts or images in its own pages.
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Permissions-Policy': permissionsPolicy,
  };
}

/** The page's own WebSocket origin, named only when the Host header is a name no other site can point here. */
function socketOrigin(req: IncomingMessage): string | undefined {
  const host = req.headers.host;
  if (!host) return undefined;
  try {
    const url = new URL(`http://${host}`);
    if (url.host !== host.toLowerCase() || !isTrustedHostName(url.hostname)) return undefined;
    return `${(req.socket as TLSSocket).encrypted ? 'wss' : 'ws'}://${url.host}`;
  } catch {
    return undefined;
  }
}

/**
 * Serves the built renderer: hashed assets cached for good, index.html never, nothing outside
 * its folder — neither by `..` nor through a symlink that points elsewhere.
 */
export function createStaticHandler(rootDir: string, logger?: Logger) {
  const root = realDir(rootDir);
  const indexFile = path.join(root, 'index.html');

  return function serve(req: IncomingMessage, res: ServerResponse): void {
    const headers = securityHeaders(req);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...headers }).end();
      return;
    }
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://local').pathname);
    } catch {
      res.writeHead(400, headers).end();
      return;
    }
    const candidate = insideFile(root, path.resolve(root, '.' + pathname));
    const file = candidate ?? (path.extname(pathname) ? undefined : insideFile(root, indexFile));
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end('Not found');
      return;
    }
    const immutable = file.includes(`${path.sep}assets${path.sep}`);
    res.writeHead(200, {
      'Content-Type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      ...headers,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    // pipeline ends both sides on an error (a file replaced mid-read, a tab gone), which a bare pipe would throw.
    pipeline(fs.createReadStream(file), res, (error) => {
      if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') logger?.warn('static file failed', { error: error.message });
    });
  };
}

/** The real path of a regular file under `root` (links followed), or undefined. */
export function insideFile(root: string, candidate: string): string | undefined {
  try {
    const real = fs.realpathSync(candidate);
    if (real !== root && !real.startsWith(root + path.sep)) return undefined;
    return fs.statSync(real).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

export function realDir(dir: string): string {
  try {
    return fs.realpathSync(path.resolve(dir));
  } catch {
    return path.resolve(dir);
  }
}
