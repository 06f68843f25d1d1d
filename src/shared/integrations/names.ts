import type { SameNames } from '../contract-kit';
import type { integrationsChannels, IntegrationsEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const integrationsChannelNames = ['apiKeys.list', 'apiKeys.create', 'apiKeys.revoke', 'api.settings', 'api.updateSettings'] as const;
export const integrationsEventNames = [] as const;

const listed: [
  SameNames<(typeof integrationsChannelNames)[number], keyof typeof integrationsChannels>,
  SameNames<(typeof integrationsEventNames)[number], keyof IntegrationsEvents>,
] = [true, true];
void listed;
