import type { SameNames } from '../contract-kit';
import type { cloudChannels, CloudEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const cloudChannelNames = [
  'cloud.link',
  'cloud.updateCredentials',
  'cloud.list',
  'cloud.get',
  'cloud.getGraphSettings',
  'cloud.saveGraphSettings',
  'cloud.connection',
  'cloud.saveTunnelSettings',
  'cloud.startTunnel',
  'cloud.stopTunnel',
  'cloud.selfTest',
  'cloud.health',
  'cloud.window',
  'cloud.templates',
  'cloud.syncTemplates',
  'cloud.sendTemplate',
] as const;
export const cloudEventNames = ['cloud.health.changed', 'cloud.connection.changed'] as const;

const listed: [SameNames<(typeof cloudChannelNames)[number], keyof typeof cloudChannels>, SameNames<(typeof cloudEventNames)[number], keyof CloudEvents>] = [true, true];
void listed;
