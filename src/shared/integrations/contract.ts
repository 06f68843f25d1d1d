import { adminOnly, channel } from '../contract-kit';
import { empty } from '../fields';
import * as s from './schemas';
import type { ApiKeyView, ApiSettings, CreatedApiKey } from './types';

/** Seed 000's integrations: the REST API's keys and where it listens (admins only). */
export const integrationsChannels = {
  'apiKeys.list': channel<ApiKeyView[]>()({ input: empty, access: adminOnly, kind: 'read' }),
  /** The answer carries the secret: the only time it is ever shown. */
  'apiKeys.create': channel<CreatedApiKey>()({ input: s.createApiKeyInput, access: adminOnly, kind: 'write' }),
  /** Refused from the next call on. */
  'apiKeys.revoke': channel<ApiKeyView>()({ input: s.apiKeyIdInput, access: adminOnly, kind: 'write' }),
  'api.settings': channel<ApiSettings>()({ input: empty, access: adminOnly, kind: 'read' }),
  'api.updateSettings': channel<ApiSettings>()({ input: s.updateApiSettingsInput, access: adminOnly, kind: 'write' }),
} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface IntegrationsEvents {}
