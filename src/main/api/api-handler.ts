import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChannelName, ChannelOutput } from '../../shared/contract';
import { zodDetails } from '../../shared/zod-details';
import { isLoopback } from '../host/client-identity';
import type { Core } from '../core/create-core';
import type { KeyCaller } from '../services/integrations/api-keys';
import { DailyLimit } from './daily-limit';
import { errorAnswer, failure, HttpFailure, statusFor, writeJson, type Answer } from './envelope';
import { IdempotencyStore } from './idempotency';
import { KeyLimiter, rateLimitHeaders } from './key-limits';
import { readBody, type Body } from './read-body';
import { apiBase, routes, type CallChannel, type Route, type RouteRequest } from './route-table';
import { docsPage, openApiDocument } from './openapi';
import { corsHeaders, originVerdict } from './cors';

/** A body that has not fully arrived by then is cut off: a slow or half-open client holds nothing. */
export const bodyDeadlineMs = { json: 15_000, multipart: 120_000 };

interface MatchedRoute {
  route: Route;
  params: Record<string, string>;
}

const compiled = routes.map((route) => {
  const names: string[] = [];
  const pattern = new RegExp(`^${route.path.replace(/:([a-zA-Z]+)/g, (_m, name: string) => (names.push(name), '([^/]+)'))}$`);
  return { route, pattern, names };
});

function match(method: string, path: string): MatchedRoute | 'wrong-method' | undefined {
  let pathKnown = false;
  for (const { route, pattern, names } of compiled) {
    const m = pattern.exec(path);
    if (!m) continue;
    pathKnown = true;
    if (route.method !== method) continue;
    return { route, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)])) };
  }
  return pathKnown ? 'wrong-method' : undefined;
}

/** The secret from `Authorization: Bearer …` (seed 003) or `X-API-Key`. */
export function secretOf(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(\S+)$/i.exec(auth.trim());
    return m?.[1];
  }
  const key = req.headers['x-api-key'];
  return typeof key === 'string' ? key.trim() : undefined;
}

/**
 * Seed 003's REST API over the contract: the key's owner is the caller, so the router applies
 * the same access rules as for their own windows, and the key's scopes and numbers narrow it.
 * Answers `{ success, data, meta }` or the seeds' error format with the matching HTTP status.
 */
export function createApiHandler(core: Core) {
  const { logger } = core;
  const clock = { now: () => core.clock.now() };
  const limiter = new KeyLimiter(clock);
  // A restore starts the core's services on another database: the stores follow the one in use.
  let bound: { sqlite: unknown; idempotency: IdempotencyStore; daily: DailyLimit } | undefined;
  const stores = () => {
    const { sqlite } = core.database;
    if (bound?.sqlite !== sqlite) bound = { sqlite, idempotency: new IdempotencyStore(sqlite, clock), daily: new DailyLimit(sqlite, clock) };
    return bound;
  };
  let openApi: string | undefined;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://api.local');
    const path = url.pathname.slice(apiBase.length) || '/';
    const current = core.api.settings.get();
    // Turned off, the API is not there at all.
    if (!current.enabled) return writeJson(res, errorAnswer(404, { code: 'NOT_FOUND', message: 'Resource not found', details: 'api_disabled' }));
    if (!isLoopback(req.socket.remoteAddress ?? '') && !current.lan) {
      return writeJson(res, errorAnswer(403, { code: 'FORBIDDEN', message: 'The API is open to this computer only', details: 'api_local_only' }));
    }
    const origin = originVerdict(req, current.corsOrigins);
    if (origin === 'refused') return writeJson(res, errorAnswer(403, { code: 'FORBIDDEN', message: 'This origin may not call the API', details: 'origin_not_allowed' }));
    const cors = corsHeaders(req, origin);
    if (req.method === 'OPTIONS') {
      res.writeHead(204, cors);
      res.end();
      return;
    }
    if (req.method === 'GET' && path === '/openapi.json') {
      openApi ??= JSON.stringify(openApiDocument());
      res.writeHead(200, { ...cors, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-cache' });
      res.end(openApi);
      return;
    }
    if (req.method === 'GET' && (path === '/docs' || path === '/docs/')) {
      const html = docsPage(openApiDocument());
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'", 'X-Content-Type-Options': 'nosniff' });
      res.end(html);
      return;
    }

    const requestId = `req-${randomUUID()}`;
    let headers: Record<string, string> = { ...cors };
    try {
      const found = match(req.method ?? 'GET', path);
      if (found === undefined) throw failure(404, 'NOT_FOUND', `No route ${req.method ?? ''} ${apiBase}${path}`);
      if (found === 'wrong-method') throw failure(404, 'NOT_FOUND', `No route ${req.method ?? ''} ${apiBase}${path}`);
      const { route } = found;

      const secret = secretOf(req);
      const key = secret ? core.api.keys.authenticate(secret) : undefined;
      if (!key) throw failure(401, 'UNAUTHORIZED', 'Invalid, revoked or expired API key', {}, { 'WWW-Authenticate': 'Bearer realm="meras"' });
      if (!key.scopes.includes(route.scope)) throw failure(403, 'FORBIDDEN', `This key lacks the '${route.scope}' scope`);

      const verdict = limiter.take(key.keyId, route.method === 'GET' ? 'read' : 'write');
      headers = { ...headers, ...rateLimitHeaders(verdict) };
      if (!verdict.allowed) {
        throw failure(429, 'RATE_LIMIT_EXCEEDED', `Rate limit exceeded. Please try again in ${verdict.resetSeconds} seconds`, { retryAfter: verdict.resetSeconds }, { 'Retry-After': String(verdict.resetSeconds) });
      }

      const params = parseParams(found.params);
      checkNumberLimit(route, params, key);
      const query = parseQuery(route, url.searchParams);
      const idempotencyKey = route.send ? IdempotencyStore.check(req.headers['idempotency-key']) : undefined;
      const body = route.body ? await withDeadline(req, res, readBody(req, route.body === 'multipart'), route.body) : ({ kind: 'none' } as Body);
      const request = await toRouteRequest(body, params, query);

      const call = callAs(key, req);
      const answer = route.send
        ? await sendOnce(route, request, key, call, idempotencyKey)
        : await run(route, request, call);
      writeJson(res, answer, headers);
    } catch (error) {
      if (error instanceof HttpFailure) {
        writeJson(res, errorAnswer(error.status, error.error), { ...headers, ...error.headers });
        return;
      }
      // Internals go to the log under the request id, never to the caller; no header or key is logged.
      logger.error('api request failed', { requestId, method: req.method, path, error: error instanceof Error ? error.stack : String(error) });
      writeJson(res, errorAnswer(500, { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred', requestId }), headers);
    }
  }

  /** Runs channels as the key's owner, narrowed to its numbers; a refusal becomes its HTTP failure. */
  function callAs(key: KeyCaller, req: IncomingMessage): CallChannel {
    const local = isLoopback(req.socket.remoteAddress ?? '');
    return async <C extends ChannelName>(channel: C, input: unknown): Promise<ChannelOutput<C>> => {
      const { result } = await core.router.call(channel, input, { clientKey: `api-key:${key.keyId}`, local, caller: key.caller });
      if (!result.success) {
        const retry = result.error.retryAfter !== undefined ? { 'Retry-After': String(result.error.retryAfter) } : undefined;
        throw new HttpFailure(statusFor(result.error), result.error, retry);
      }
      return result.data as ChannelOutput<C>;
    };
  }

  async function run(route: Route, request: RouteRequest, call: CallChannel): Promise<Answer> {
    const status = route.status ?? 200;
    if (route.run) {
      const { data, meta, message } = await route.run(request, call);
      return { status, body: { success: true, data, ...(meta ? { meta } : {}), ...(message ? { message } : {}) } };
    }
    const data = await call(route.channel, route.input(request));
    return { status, body: { success: true, data } };
  }

  async function sendOnce(route: Route, request: RouteRequest, key: KeyCaller, call: CallChannel, idempotencyKey: string | undefined): Promise<Answer> {
    const conversationId = request.params.id!;
    const go = () =>
      stores().daily.within(conversationId, async () => {
        if (request.files.length > 0) request.body.attachment = { uploadId: await upload(request.files[0]!, call) };
        if (idempotencyKey) request.body.clientId = IdempotencyStore.clientIdOf(key.keyId, idempotencyKey);
        return run(route, request, call);
      });
    if (!idempotencyKey) return go();
    const fileHashes = await Promise.all(request.files.map(async (f) => createHash('sha256').update(new Uint8Array(await f.arrayBuffer())).digest('hex')));
    return stores().idempotency.run(key.keyId, idempotencyKey, IdempotencyStore.hashRequest([route.path, request.params, request.body, fileHashes]), go);
  }

  return {
    /** True when the request was the API's (answered or being answered). */
    handles(req: IncomingMessage): boolean {
      const path = (req.url ?? '').split('?')[0]!;
      return path === apiBase || path.startsWith(`${apiBase}/`);
    },
    handle(req: IncomingMessage, res: ServerResponse): void {
      handle(req, res).catch((error: unknown) => {
        const requestId = `req-${randomUUID()}`;
        logger.error('api request failed', { requestId, error: error instanceof Error ? error.stack : String(error) });
        writeJson(res, errorAnswer(500, { code: 'INTERNAL_ERROR', message: 'An unexpected error occurred', requestId }));
      });
    },
  };
}
export type ApiHandler = ReturnType<typeof createApiHandler>;

function parseParams(raw: Record<string, string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (!/^[1-9]\d{0,14}$/.test(value)) throw failure(400, 'VALIDATION_ERROR', [{ field: name, code: 'invalid', message: `${name} must be a positive whole number` }]);
    out[name] = Number(value);
  }
  return out;
}

function checkNumberLimit(route: Route, params: Record<string, number>, key: KeyCaller): void {
  if (!key.numberIds) return;
  const refused = route.unlimitedKeyOnly || (route.numberParam !== undefined && !key.numberIds.includes(params[route.numberParam]!));
  if (refused) throw failure(403, 'FORBIDDEN', 'number_not_allowed', { message: 'This key does not have access to this WhatsApp number' });
}

function parseQuery(route: Route, search: URLSearchParams): Record<string, unknown> {
  const raw: Record<string, string> = {};
  for (const [name, value] of search) {
    if (name in raw) throw failure(400, 'VALIDATION_ERROR', [{ field: name, code: 'invalid', message: `${name} is given twice` }]);
    raw[name] = value;
  }
  if (!route.query) {
    if (Object.keys(raw).length > 0) throw failure(400, 'VALIDATION_ERROR', Object.keys(raw).map((field) => ({ field, code: 'invalid' as const, message: `Unknown parameter ${field}` })));
    return {};
  }
  const parsed = route.query.safeParse(raw);
  if (!parsed.success) throw failure(400, 'VALIDATION_ERROR', zodDetails(parsed.error, raw));
  return parsed.data;
}

async function toRouteRequest(body: Body, params: Record<string, number>, query: Record<string, unknown>): Promise<RouteRequest> {
  if (body.kind === 'none') return { params, query, body: {}, files: [] };
  if (body.kind === 'json') {
    if (typeof body.value !== 'object' || body.value === null || Array.isArray(body.value)) {
      throw failure(400, 'VALIDATION_ERROR', [{ field: 'body', code: 'invalid', message: 'The body must be a JSON object' }]);
    }
    return { params, query, body: { ...(body.value as Record<string, unknown>) }, files: [] };
  }
  // Multipart: seed 003's `content` and `attachments` (one file: a WhatsApp message carries one).
  const fields: Record<string, unknown> = {};
  const files: File[] = [];
  for (const [name, value] of body.form) {
    if (typeof value === 'string') {
      if (name === 'content') fields.content = value;
      else if (name === 'replyToId') fields.replyToId = /^\d{1,15}$/.test(value) ? Number(value) : value;
      else throw failure(400, 'VALIDATION_ERROR', [{ field: name, code: 'invalid', message: `Unknown field ${name}` }]);
    } else if (name === 'attachments' || name === 'attachment') files.push(value);
    else throw failure(400, 'VALIDATION_ERROR', [{ field: name, code: 'invalid', message: `Unknown field ${name}` }]);
  }
  if (files.length > 1) throw failure(400, 'VALIDATION_ERROR', [{ field: 'attachments', code: 'invalid', message: 'One file per message' }]);
  return { params, query, body: fields, files };
}

/** A file goes through the contract's own upload channels: the same type, size and content checks as the composer's. */
async function upload(file: File, call: CallChannel): Promise<string> {
  const bytes = Buffer.from(await file.arrayBuffer());
  const { uploadId, chunkBytes } = await call('media.uploadStart', { name: file.name || 'file', mimeType: file.type || 'application/octet-stream', size: bytes.length });
  for (let offset = 0; offset < bytes.length; offset += chunkBytes) {
    await call('media.uploadChunk', { uploadId, offset, data: bytes.subarray(offset, offset + chunkBytes).toString('base64') });
  }
  await call('media.uploadFinish', { uploadId });
  return uploadId;
}

/** Reads the body within its deadline; past it the connection is closed. */
function withDeadline<T>(req: IncomingMessage, res: ServerResponse, work: Promise<T>, kind: 'json' | 'multipart'): Promise<T> {
  const ms = bodyDeadlineMs[kind];
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      reject(failure(408, 'VALIDATION_ERROR', 'request_timeout', { message: 'The body did not arrive in time' }, { Connection: 'close' }));
      // After the answer is written, the half-sent request's connection goes.
      res.once('finish', () => req.socket.destroy());
    }, ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
