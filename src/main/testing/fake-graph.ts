import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for Meta's Graph API (the WhatsApp Cloud API's calls), a real HTTP server on
 * 127.0.0.1: numbers and templates it knows, a log of every request, and scripted answers
 * (an error, a hang) for the next calls to a route. Tests point the `cloud.graph` setting at
 * `baseUrl`; the host's e2e tests do the same.
 */
export interface GraphRequest {
  method: string;
  /** Without the version: `/1234/messages`. */
  path: string;
  version: string;
  query: Record<string, string>;
  authorization: string | null;
  /** Parsed JSON body, or for a multipart upload its text fields and the file's name, type and size. */
  body: unknown;
  file: { name: string; type: string; size: number } | null;
}

export interface FakeGraphNumber {
  phoneNumberId: string;
  wabaId: string;
  accessToken: string;
  displayPhoneNumber: string;
  verifiedName: string;
  qualityRating?: string;
}

export interface ScriptedAnswer {
  status: number;
  body: unknown;
}
/** `hang`: never answers (the client's timeout fires); `answerAfterHang` not needed: the request is logged either way. */
export type Scripted = ScriptedAnswer | 'hang';

export const metaError = (status: number, code: number, message: string, extra: { error_subcode?: number; details?: string } = {}): ScriptedAnswer => ({
  status,
  body: {
    error: {
      message,
      type: code === 190 ? 'OAuthException' : 'GraphMethodException',
      code,
      ...(extra.error_subcode === undefined ? {} : { error_subcode: extra.error_subcode }),
      ...(extra.details ? { error_data: { messaging_product: 'whatsapp', details: extra.details } } : {}),
      fbtrace_id: `trace-${code}`,
    },
  },
});

export interface FakeGraph {
  baseUrl: string;
  requests: GraphRequest[];
  numbers: Map<string, FakeGraphNumber>;
  /** Templates per WABA id, in Meta's shape (name, language, status, category, components). */
  templates: Map<string, unknown[]>;
  addNumber(number: FakeGraphNumber): void;
  /** The next calls matching `method` and `path` (a RegExp over the path without version) answer these, in order. */
  script(method: string, path: RegExp, ...answers: Scripted[]): void;
  /** Requests to a path (without version). */
  requestsTo(method: string, path: RegExp): GraphRequest[];
  close(): Promise<void>;
}

export async function startFakeGraph(): Promise<FakeGraph> {
  const requests: GraphRequest[] = [];
  const numbers = new Map<string, FakeGraphNumber>();
  const templates = new Map<string, unknown[]>();
  const scripts: { method: string; path: RegExp; answers: Scripted[] }[] = [];
  const hanging = new Set<http.ServerResponse>();
  let wamids = 0;
  let mediaIds = 0;

  const tokenOk = (request: GraphRequest, token: string) => request.authorization === `Bearer ${token}`;
  const badToken = metaError(401, 190, 'Error validating access token: Session has expired.', { error_subcode: 463 });
  const unknownObject = (id: string) =>
    metaError(400, 100, `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, { error_subcode: 33 });

  /** Meta's own behaviour for what the tests did not script. */
  function answer(request: GraphRequest): ScriptedAnswer {
    const [first, second] = request.path.split('/').filter(Boolean);
    if (!first) return metaError(400, 100, 'Unknown path');
    const number = numbers.get(first);
    const wabaNumbers = [...numbers.values()].filter((n) => n.wabaId === first);
    const owner = number ?? wabaNumbers[0];
    if (!owner) return unknownObject(first);
    if (!tokenOk(request, owner.accessToken)) return badToken;
    if (number && !second && request.method === 'GET') {
      return { status: 200, body: { id: number.phoneNumberId, display_phone_number: number.displayPhoneNumber, verified_name: number.verifiedName, quality_rating: number.qualityRating ?? 'GREEN' } };
    }
    if (number && second === 'messages' && request.method === 'POST') {
      const body = request.body as { to?: string; status?: string };
      if (body.status === 'read') return { status: 200, body: { success: true } };
      return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: body.to, wa_id: body.to }], messages: [{ id: `wamid.FAKE${++wamids}` }] } };
    }
    if (number && second === 'media' && request.method === 'POST') return { status: 200, body: { id: `media-${++mediaIds}` } };
    if (!number && !second && request.method === 'GET') return { status: 200, body: { id: first, name: `WABA ${first}`, timezone_id: '1' } };
    if (!number && second === 'message_templates' && request.method === 'GET') return { status: 200, body: { data: templates.get(first) ?? [], paging: {} } };
    if (!number && second === 'subscribed_apps' && request.method === 'POST') return { status: 200, body: { success: true } };
    return metaError(400, 100, `Unsupported ${request.method} request`);
  }

  async function parse(req: http.IncomingMessage, raw: Buffer, url: URL): Promise<GraphRequest> {
    const match = /^\/(v\d+\.\d+)(\/.*)?$/.exec(url.pathname);
    const type = req.headers['content-type'] ?? '';
    let body: unknown = null;
    let file: GraphRequest['file'] = null;
    if (type.startsWith('multipart/form-data')) {
      const form = await new Request(url, { method: 'POST', headers: { 'content-type': type }, body: raw }).formData();
      const fields: Record<string, string> = {};
      for (const [key, value] of form.entries()) {
        if (typeof value === 'string') fields[key] = value;
        else file = { name: value.name, type: value.type, size: value.size };
      }
      body = fields;
    } else if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        body = raw.toString('utf8');
      }
    }
    return {
      method: req.method ?? 'GET',
      version: match?.[1] ?? '',
      path: match?.[2] ?? url.pathname,
      query: Object.fromEntries(url.searchParams),
      authorization: typeof req.headers.authorization === 'string' ? req.headers.authorization : null,
      body,
      file,
    };
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      void (async () => {
        const url = new URL(req.url ?? '/', 'http://127.0.0.1');
        const request = await parse(req, Buffer.concat(chunks), url);
        requests.push(request);
        const script = scripts.find((s) => s.method === request.method && s.path.test(request.path) && s.answers.length > 0);
        const scripted = script?.answers.shift();
        if (scripted === 'hang') {
          hanging.add(res);
          res.on('close', () => hanging.delete(res));
          return;
        }
        const { status, body } = scripted ?? answer(request);
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      })().catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: String(error), code: 1 } }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    numbers,
    templates,
    addNumber: (number) => numbers.set(number.phoneNumberId, number),
    script: (method, path, ...answers) => scripts.push({ method, path, answers }),
    requestsTo: (method, path) => requests.filter((r) => r.method === method && path.test(r.path)),
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
