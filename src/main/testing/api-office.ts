import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mountApi } from '../api/mount-api';
import type { ApiScope } from '../../shared/integrations/types';
import { startTestCore } from './test-core';
import { twoNumbersOffice } from './two-numbers-office';
import type { Core, CoreOptions } from '../core/create-core';

export interface ApiReply {
  status: number;
  headers: Headers;
  body: { success: boolean; data?: unknown; meta?: Record<string, unknown>; error?: { code: string; message: string; details?: unknown; retryAfter?: number; requestId?: string } };
}

/**
 * Issue 13's two-number office behind a real HTTP server serving the REST API exactly as the
 * host mounts it (mountApi), on a real core and SQLite file, with the API turned on.
 */
/** A real HTTP server serving the REST API exactly as the host mounts it (mountApi), on `core`. */
export async function serveApi(core: Core) {
  const api = mountApi(core, (_req, res) => {
    res.writeHead(404);
    res.end();
  });
  const server = http.createServer(api.handler);
  api.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/api/v1/whatsapp`;

  /** One call to the API; JSON bodies unless given as FormData or a raw string. */
  async function request(method: string, path: string, options: { key?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<ApiReply> {
    const headers: Record<string, string> = { ...(options.key ? { Authorization: `Bearer ${options.key}` } : {}), ...options.headers };
    let body: FormData | string | undefined;
    if (options.body instanceof FormData || typeof options.body === 'string') body = options.body;
    else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] ??= 'application/json';
    }
    const res = await fetch(url + path, { method, headers, ...(body !== undefined ? { body } : {}) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as ApiReply['body']) : { success: false } };
  }

  return {
    url,
    port,
    request,
    async close() {
      api.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Issue 13's two-number office behind `serveApi`, on a real core and SQLite file, with the API
 * turned on.
 */
export async function startApiOffice(options: Partial<CoreOptions> = {}) {
  const t = startTestCore(options);
  const w = await twoNumbersOffice(t);
  await t.call('api.updateSettings', { enabled: true }, w.admin.token);
  const served = await serveApi(t.core);

  async function newKey(token: string, scopes: ApiScope[], extra: { numberIds?: number[]; ownerId?: number; expiresAt?: string } = {}) {
    return t.call('apiKeys.create', { name: `key ${Math.random().toString(36).slice(2, 8)}`, scopes, ...extra }, token);
  }

  /** The three keys most route tests need: an admin's with every scope, a read-only one, and an agent's with every scope (limited to the agent's numbers). */
  async function roleKeys(): Promise<{ admin: string; reader: string; agent: string }> {
    return {
      admin: (await newKey(w.admin.token, ['read', 'send', 'manage'])).secret,
      reader: (await newKey(w.admin.token, ['read'])).secret,
      agent: (await newKey(w.admin.token, ['read', 'send', 'manage'], { ownerId: w.agent.user.id })).secret,
    };
  }

  return {
    t,
    w,
    ...served,
    newKey,
    roleKeys,
    async close() {
      await served.close();
      await t.close();
    },
  };
}
export type ApiOffice = Awaited<ReturnType<typeof startApiOffice>>;
