import { defaultGraphBaseUrl, defaultGraphVersion, type GraphSettings } from '../../../shared/cloud/types';

/**
 * Why a Graph API call failed. `meta`: Meta answered with its error object (`code`,
 * `error_subcode`, `fbtrace_id` kept for support); `timeout`: no answer in time (the call may
 * still have happened); `network`: the request never got an answer (refused, DNS, TLS).
 */
export class GraphError extends Error {
  constructor(
    message: string,
    readonly kind: 'meta' | 'timeout' | 'network',
    readonly status: number | null = null,
    readonly code: number | null = null,
    readonly subcode: number | null = null,
    readonly fbtraceId: string | null = null,
    readonly type: string | null = null,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

interface MetaErrorBody {
  error?: { message?: unknown; type?: unknown; code?: unknown; error_subcode?: unknown; fbtrace_id?: unknown; error_data?: { details?: unknown } };
}

const numberOrNull = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
const stringOrNull = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/** Meta's error object, or a plain one for a body that is not (a proxy's HTML page, an empty 502). */
export function graphErrorOf(status: number, text: string): GraphError {
  let body: MetaErrorBody | null = null;
  try {
    body = JSON.parse(text) as MetaErrorBody;
  } catch {
    body = null;
  }
  const error = body && typeof body === 'object' ? body.error : undefined;
  if (!error || typeof error !== 'object') return new GraphError(`Graph API answered ${status}`, 'meta', status);
  const details = stringOrNull(error.error_data?.details);
  const message = [stringOrNull(error.message) ?? `Graph API answered ${status}`, details].filter(Boolean).join(': ');
  return new GraphError(message, 'meta', status, numberOrNull(error.code), numberOrNull(error.error_subcode), stringOrNull(error.fbtrace_id), stringOrNull(error.type));
}

export interface GraphClientOptions {
  /** Read at every call: an admin's change of base URL or version applies at once. */
  settings: () => GraphSettings;
  /** The number's access token, opened from its sealed copy at every call. */
  token: () => string;
  timeoutMs?: number;
  /** Uploads take longer than a JSON call. */
  uploadTimeoutMs?: number;
}

/** A small typed client for the WhatsApp Cloud API on the Graph API, over `fetch`. */
export class GraphClient {
  constructor(private readonly options: GraphClientOptions) {}

  /** `/{version}/{path}` on the configured base URL. */
  url(path: string, query: Record<string, string> = {}): string {
    const { baseUrl, version } = this.options.settings();
    const url = new URL(`${baseUrl.replace(/\/+$/, '')}/${version}/${path.replace(/^\/+/, '')}`);
    for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
    return url.toString();
  }

  get<T>(path: string, query: Record<string, string> = {}): Promise<T> {
    return this.request<T>(this.url(path, query), { method: 'GET' });
  }

  post<T>(path: string, body: unknown): Promise<T> {
    return this.request<T>(this.url(path), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  }

  /** A multipart upload (POST /{phone-number-id}/media). */
  postForm<T>(path: string, form: FormData): Promise<T> {
    return this.request<T>(this.url(path), { method: 'POST', body: form }, this.options.uploadTimeoutMs ?? 120_000);
  }

  /** A file behind a media URL Meta gave (it needs the same bearer token). */
  async download(url: string): Promise<{ mimeType: string; data: Buffer }> {
    const response = await this.fetch(url, { method: 'GET' }, this.options.uploadTimeoutMs ?? 120_000);
    if (!response.ok) throw graphErrorOf(response.status, await response.text().catch(() => ''));
    return { mimeType: response.headers.get('content-type') ?? 'application/octet-stream', data: Buffer.from(await response.arrayBuffer()) };
  }

  private async request<T>(url: string, init: RequestInit, timeoutMs = this.options.timeoutMs ?? 20_000): Promise<T> {
    const response = await this.fetch(url, init, timeoutMs);
    const text = await response.text().catch(() => '');
    if (!response.ok) throw graphErrorOf(response.status, text);
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new GraphError(`Graph API answered ${response.status} with a body that is not JSON`, 'meta', response.status);
    }
  }

  private async fetch(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${this.options.token()}`);
    try {
      return await fetch(url, { ...init, headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      if (name === 'TimeoutError' || name === 'AbortError') return Promise.reject(new GraphError(`Graph API did not answer within ${timeoutMs} ms`, 'timeout'));
      const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
      throw new GraphError(`Graph API unreachable${cause}`, 'network');
    }
  }
}

/** The Graph settings as stored, or Meta's own. */
export function graphSettingsOf(stored: Partial<GraphSettings> | null): GraphSettings {
  return { baseUrl: stored?.baseUrl ?? defaultGraphBaseUrl, version: stored?.version ?? defaultGraphVersion };
}
