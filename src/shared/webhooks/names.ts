import type { SameNames } from '../contract-kit';
import type { webhooksChannels, WebhooksEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const webhooksChannelNames = ['webhooks.list', 'webhooks.create', 'webhooks.update', 'webhooks.delete', 'webhooks.deliveries', 'webhooks.sendTest'] as const;
export const webhooksEventNames = [] as const;

const listed: [
  SameNames<(typeof webhooksChannelNames)[number], keyof typeof webhooksChannels>,
  SameNames<(typeof webhooksEventNames)[number], keyof WebhooksEvents>,
] = [true, true];
void listed;
