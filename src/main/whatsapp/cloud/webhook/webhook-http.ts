import { randomUUID, timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { cloudWebhookPrefix } from '../../../../shared/cloud/types';
import type { Logger } from '../../../base/logger';
import { errorAnswer, failure, HttpFailure, writeJson } from '../../../api/envelope';
import { collect, maxJsonBytes } from '../../../api/read-body';
import type { CloudEndpoint, CloudEndpoints } from './endpoints';
import { signedBy } from './signature';

/** One callback URL per Cloud number (`cloudCallbackPath`): its key picks the app secret before anything is parsed. */
const cloudCallbackPrefix = `${cloudWebhookPrefix}/`;
/**
 * Seed 003's webhook paths. Meta has one callback URL: it verifies it with GET (whatever the
 * seed's heading says) and then POSTs every event to it, so each of these takes both, /verify too.
 */
export const seedWebhookPaths = ['/api/v1/whatsapp/webhook/verify', '/api/v1/whatsapp/webhook/incoming', '/api/v1/whatsapp/webhook/status'];
const bodyDeadlineMs = 15_000;

export interface CloudWebhookTarget {
  endpoints: CloudEndpoints;
  /** Stores the signed raw body durably; the 200 is written only after it returns. */
  accept(signerNumberId: number, body: Buffer): void;
}

/**
 * Meta's side of the host's HTTP server. GET: the verify handshake. POST: signature over the
 * raw bytes first (401 and nothing else when it fails, the body neither parsed nor logged),
 * then JSON (400), then one insert and the 200; processing follows (webhook-receiver.ts).
 */
export function createCloudWebhookHandler(target: () => CloudWebhookTarget | null, logger: Logger) {
  function handles(req: IncomingMessage): boolean {
    const path = (req.url ?? '').split('?')[0]!;
    return path.startsWith(cloudCallbackPrefix) || seedWebhookPaths.includes(path);
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://webhook.local');
    const current = target();
    if (!current) throw failure(503, 'SERVICE_UNAVAILABLE');
    const candidates = candidatesFor(url.pathname, current.endpoints);
    if (req.method === 'GET') return verify(url, candidates, res);
    if (req.method !== 'POST') {
      req.resume();
      throw failure(405, 'VALIDATION_ERROR', 'method_not_allowed', { message: 'Meta calls this address with GET (verify) or POST (events)' });
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > maxJsonBytes) {
      req.resume();
      throw failure(413, 'VALIDATION_ERROR', [{ field: 'body', code: 'too_long', message: `The body is over ${maxJsonBytes} bytes`, params: { max: maxJsonBytes } }], { message: 'Payload too large' });
    }
    const deadline = setTimeout(() => req.destroy(), bodyDeadlineMs);
    let body: Buffer;
    try {
      body = await collect(req, maxJsonBytes);
    } finally {
      clearTimeout(deadline);
    }
    // Fail closed: a number without an app secret is never a signer.
    const signers = candidates.filter((c): c is CloudEndpoint & { appSecret: string } => typeof c.appSecret === 'string' && c.appSecret.length > 0);
    const index = signedBy(body, req.headers['x-hub-signature-256'], signers.map((s) => s.appSecret));
    if (index < 0) {
      logger.warn('cloud webhook refused: signature missing or wrong', { path: url.pathname.startsWith(cloudCallbackPrefix) ? cloudCallbackPrefix : url.pathname, bytes: body.length });
      throw failure(401, 'UNAUTHORIZED', 'bad_signature', { message: 'The X-Hub-Signature-256 signature is missing or does not match' });
    }
    try {
      JSON.parse(body.toString('utf8'));
    } catch {
      throw failure(400, 'VALIDATION_ERROR', [{ field: 'body', code: 'invalid', message: 'The body is not valid JSON' }]);
    }
    current.accept(signers[index]!.numberId, body);
    writeJson(res, { status: 200, body: { success: true } });
  }

  return {
    handles,
    handle(req: IncomingMessage, res: ServerResponse): void {
      handle(req, res).catch((error: unknown) => {
        if (error instanceof HttpFailure) return writeJson(res, errorAnswer(error.status, error.error, error.headers));
        const requestId = `req-${randomUUID()}`;
        logger.error('cloud webhook request failed', { requestId, error: error instanceof Error ? error.message : String(error) });
        writeJson(res, errorAnswer(500, { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred', requestId }));
      });
    },
  };
}

/** The numbers a request may be for: the one its callback path names, or every Cloud number on seed 003's shared paths. */
function candidatesFor(path: string, endpoints: CloudEndpoints): CloudEndpoint[] {
  if (path.startsWith(cloudCallbackPrefix)) {
    const key = path.slice(cloudCallbackPrefix.length);
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(key)) return [];
    const endpoint = endpoints.byPathKey(key);
    return endpoint ? [endpoint] : [];
  }
  return endpoints.all();
}

/** Meta's handshake: `hub.mode=subscribe` and a number's verify token → exactly the challenge as text. */
function verify(url: URL, candidates: CloudEndpoint[], res: ServerResponse): void {
  const mode = url.searchParams.get('hub.mode');
  const token = url.searchParams.get('hub.verify_token') ?? '';
  const challenge = url.searchParams.get('hub.challenge') ?? '';
  const known = candidates.some((c) => c.verifyToken !== null && c.verifyToken.length > 0 && sameSecret(c.verifyToken, token));
  if (mode !== 'subscribe' || !known) throw failure(403, 'FORBIDDEN', 'verify_token_mismatch', { message: 'The verify token does not match' });
  res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', 'Content-Length': String(Buffer.byteLength(challenge)) });
  res.end(challenge);
}

/** Constant-time comparison of two strings of any length (hashed first to equal lengths). */
function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}
