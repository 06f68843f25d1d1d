import type { IncomingMessage } from 'node:http';

export type OriginVerdict = 'none' | 'same' | { listed: string } | 'refused';

/**
 * CORS is closed unless an admin lists an origin. A request with no Origin (a server, a script)
 * or from the host's own origin passes; a browser page elsewhere is refused outright, so a
 * web site cannot drive the API from an office computer's browser.
 */
export function originVerdict(req: IncomingMessage, listed: readonly string[]): OriginVerdict {
  const origin = req.headers.origin;
  if (origin === undefined) return 'none';
  if (listed.includes(origin)) return { listed: origin };
  try {
    if (new URL(origin).host === req.headers.host) return 'same';
  } catch {
    return 'refused';
  }
  return 'refused';
}

export function corsHeaders(req: IncomingMessage, verdict: OriginVerdict): Record<string, string> {
  if (typeof verdict !== 'object') return {};
  const headers: Record<string, string> = {
    'Access-Control-Allow-Origin': verdict.listed,
    Vary: 'Origin',
    'Access-Control-Expose-Headers': 'RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, RateLimit-Policy, Retry-After, Idempotent-Replayed',
  };
  if (req.method === 'OPTIONS') {
    headers['Access-Control-Allow-Methods'] = 'GET, POST, PUT, PATCH, DELETE';
    headers['Access-Control-Allow-Headers'] = 'Authorization, Content-Type, Idempotency-Key, X-API-Key';
    headers['Access-Control-Max-Age'] = '600';
  }
  return headers;
}
