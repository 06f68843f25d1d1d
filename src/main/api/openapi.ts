import { z } from 'zod';
import { channels } from '../../shared/contract';
import { errorCodes } from '../../shared/errors';
import { webhookPaths } from './openapi-webhooks';
import { apiBase, routes, type Route } from './route-table';

type JsonSchema = Record<string, unknown> & { properties?: Record<string, unknown>; required?: string[] };

/** Seed 003's error format, as zod, for the document (the TypeScript type is `ApiError`). */
const errorSchema = z.object({
  success: z.literal(false),
  error: z.object({
    code: z.enum(errorCodes),
    message: z.string(),
    details: z.union([z.string(), z.array(z.object({ field: z.string(), code: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.number(), z.string()])).optional() }))]).optional(),
    retryAfter: z.number().int().optional(),
    requestId: z.string().optional(),
  }),
});

const toSchema = (schema: z.ZodType): JsonSchema => {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  delete json.$schema;
  return json;
};

/** `/numbers/:id` → `/api/v1/whatsapp/numbers/{id}`. */
export const openApiPath = (path: string) => apiBase + path.replace(/:([a-zA-Z]+)/g, '{$1}');

/** The input fields a route fills from its path (found by running its mapping once): not part of the body. */
function pathFilled(route: Route): string[] {
  const probe = 987_654_321;
  const names = [...route.path.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1]!);
  const input = route.input({ params: Object.fromEntries(names.map((n) => [n, probe])), query: {}, body: {}, files: [] });
  if (typeof input !== 'object' || input === null) return names;
  return Object.entries(input as Record<string, unknown>).filter(([, v]) => v === probe).map(([k]) => k);
}

function bodySchema(route: Route): JsonSchema {
  const schema = toSchema(channels[route.channel].input);
  const hidden = new Set([...pathFilled(route), ...(route.send ? ['clientId'] : []), ...(route.body === 'multipart' ? ['attachment'] : [])]);
  const properties = Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([k]) => !hidden.has(k)));
  const required = (schema.required ?? []).filter((k) => !hidden.has(k));
  return { ...schema, properties, ...(required.length > 0 ? { required } : { required: undefined }) };
}

function operation(route: Route) {
  const names = [...route.path.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1]!);
  const parameters: unknown[] = names.map((name) => ({ name, in: 'path', required: true, schema: { type: 'integer', minimum: 1 } }));
  if (route.query) {
    const q = toSchema(route.query);
    for (const [name, schema] of Object.entries(q.properties ?? {})) parameters.push({ name, in: 'query', required: (q.required ?? []).includes(name), schema });
  }
  if (route.send) parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, description: 'A repeat within 24 h returns the first answer and sends nothing', schema: { type: 'string', maxLength: 200 } });
  const status = String(route.status ?? 200);
  const content: Record<string, unknown> = {};
  if (route.body) {
    content['application/json'] = { schema: bodySchema(route) };
    if (route.body === 'multipart') {
      content['multipart/form-data'] = {
        schema: { type: 'object', properties: { content: { type: 'string', maxLength: 65_536 }, replyToId: { type: 'integer' }, attachments: { type: 'string', format: 'binary' } } },
      };
    }
  }
  const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  return {
    operationId: `${route.method.toLowerCase()}${route.path.replace(/\/:?([a-zA-Z]+)/g, (_m, s: string) => s[0]!.toUpperCase() + s.slice(1))}`,
    summary: route.summary,
    tags: [route.path.split('/')[1]!],
    security: [{ apiKey: [] }],
    'x-meras-channel': route.channel,
    'x-meras-scope': route.scope,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content } } : {}),
    responses: {
      [status]: {
        description: `\`{ success: true, data, meta? }\`; data is the contract's \`${route.channel}\` answer`,
        content: { 'application/json': { schema: { type: 'object', required: ['success', 'data'], properties: { success: { const: true }, data: {}, meta: { type: 'object' } } } } },
      },
      '400': error('Validation failed (field details)'),
      '401': error('Missing, unknown, revoked or expired key'),
      '403': error('The key\'s scope, numbers or owner\'s role do not allow it'),
      '404': error('Not found'),
      '429': error('Rate limit or daily message limit: `retryAfter`, `Retry-After` and RateLimit headers'),
      '500': error('Unexpected: a request id only'),
    },
  };
}

/** OpenAPI 3.1, generated from the route table and the contract's zod schemas: no hand-written copy. */
export function openApiDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[openApiPath(route.path)] ??= {})[route.method.toLowerCase()] = operation(route);
  Object.assign(paths, webhookPaths());
  return {
    openapi: '3.1.0',
    info: { title: 'Meras Desk WhatsApp API', version: '1', description: 'Seed 003\'s /api/v1/whatsapp over the app\'s own contract. Keys: Settings → Integrations.' },
    servers: [{ url: '/' }],
    paths,
    components: {
      securitySchemes: { apiKey: { type: 'http', scheme: 'bearer', description: 'An API key (mdk_…) from Settings → Integrations' } },
      schemas: { Error: toSchema(errorSchema) },
    },
  };
}

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The document as one self-contained page: no script, no CDN, readable offline. */
export function docsPage(doc: ReturnType<typeof openApiDocument>): string {
  const rows = Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => {
      const o = op as { summary: string; parameters?: { name: string; in: string; schema: unknown }[]; requestBody?: { content: Record<string, { schema: unknown }> }; 'x-meras-scope': string; 'x-meras-channel'?: string };
      const params = (o.parameters ?? []).map((p) => `<li><code>${escape(p.name)}</code> (${p.in}) <code>${escape(JSON.stringify(p.schema))}</code></li>`).join('');
      const body = o.requestBody ? `<pre>${escape(JSON.stringify(o.requestBody.content['application/json']?.schema ?? {}, null, 2))}</pre>` : '';
      return `<section><h2><span class="m">${method.toUpperCase()}</span> <code>${escape(path)}</code></h2><p>${escape(o.summary)} — scope <b>${escape(o['x-meras-scope'])}</b>${o['x-meras-channel'] ? `, channel <code>${escape(o['x-meras-channel'])}</code>` : ''}</p>${params ? `<ul>${params}</ul>` : ''}${body}</section>`;
    }),
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(doc.info.title)}</title>
<style>body{font:14px system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem}section{border-block-end:1px solid #ddd;padding-block:.5rem}.m{display:inline-block;min-width:4.5em;font-weight:bold}pre{background:#f6f6f6;padding:.5rem;overflow:auto}</style></head>
<body><h1>${escape(doc.info.title)}</h1><p>${escape(doc.info.description)} <a href="openapi.json">openapi.json</a></p>${rows.join('\n')}</body></html>`;
}
