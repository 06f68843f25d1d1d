import { cloudWebhookPrefix } from '../../shared/cloud/types';
import { seedWebhookPaths } from '../whatsapp/cloud/webhook/webhook-http';
import { maxJsonBytes } from './read-body';

/**
 * Meta's side of the API (the Cloud webhook receiver, webhook-http.ts): not in the route table
 * because it is signed by Meta, not called with an API key, and answers Meta's way. Documented
 * here so the OpenAPI document names every path the host answers.
 */
const verifyPath = `${cloudWebhookPrefix}/{pathKey}`;
const [seedVerify, seedIncoming, seedStatus] = seedWebhookPaths as [string, string, string];

const errorRef = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
const pathKey = { name: 'pathKey', in: 'path', required: true, description: 'The number\'s own callback key (Cloud connection screen): picks its app secret before the body is read', schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,128}$' } };

function verify(summary: string, parameters: unknown[]) {
  return {
    operationId: summary,
    summary: 'Meta\'s verify handshake: `hub.mode=subscribe` and the number\'s verify token → 200 with exactly `hub.challenge` as text/plain',
    tags: ['webhook'],
    security: [],
    'x-meras-scope': 'none (the verify token)',
    parameters: [
      ...parameters,
      { name: 'hub.mode', in: 'query', required: true, schema: { const: 'subscribe' } },
      { name: 'hub.verify_token', in: 'query', required: true, schema: { type: 'string' } },
      { name: 'hub.challenge', in: 'query', required: true, schema: { type: 'string' } },
    ],
    responses: {
      '200': { description: 'The challenge, exactly', content: { 'text/plain': { schema: { type: 'string' } } } },
      '403': errorRef('Wrong mode or verify token (FORBIDDEN)'),
    },
  };
}

function callback(operationId: string, parameters: unknown[]) {
  return {
    operationId,
    summary: 'Meta\'s events (messages and statuses), stored durably before the 200 and processed after it',
    tags: ['webhook'],
    security: [],
    'x-meras-scope': 'none (Meta\'s X-Hub-Signature-256 over the raw body)',
    parameters: [
      ...parameters,
      { name: 'X-Hub-Signature-256', in: 'header', required: true, description: '`sha256=` + hex HMAC-SHA256(app secret, the raw body bytes)', schema: { type: 'string', pattern: '^sha256=[0-9a-f]{64}$' } },
    ],
    requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', description: `Meta's \`whatsapp_business_account\` webhook body, at most ${maxJsonBytes} bytes`, properties: { object: { type: 'string' }, entry: { type: 'array' } } } } } },
    responses: {
      '200': { description: 'Stored; processing follows', content: { 'application/json': { schema: { type: 'object', properties: { success: { const: true } } } } } },
      '400': errorRef('Not JSON (VALIDATION_ERROR)'),
      '401': errorRef('Signature missing, sha1-only or wrong, or no number with an app secret (UNAUTHORIZED): nothing stored'),
      '413': errorRef(`Over ${maxJsonBytes} bytes`),
      '503': errorRef('The desk\'s core is not running'),
    },
  };
}

/** The webhook's paths as OpenAPI path items. */
export function webhookPaths(): Record<string, Record<string, unknown>> {
  return {
    [verifyPath]: { get: verify('getWebhookCloudPathKey', [pathKey]), post: callback('postWebhookCloudPathKey', [pathKey]) },
    // Seed 003 writes the verify endpoint as POST; Meta verifies with GET, then POSTs its events to the
    // URL it verified: a POST there is an event like any other.
    [seedVerify]: { get: verify('getWebhookVerify', []), post: callback('postWebhookVerify', []) },
    [seedIncoming]: { post: callback('postWebhookIncoming', []) },
    [seedStatus]: { post: callback('postWebhookStatus', []) },
  };
}
