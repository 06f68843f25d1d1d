import type { SameNames } from '../contract-kit';
import type { activityChannels } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const activityChannelNames = [
  'activity.list',
  'activity.export',
  'activity.verify',
] as const;
export const activityEventNames = [] as const;

const listed: [SameNames<(typeof activityChannelNames)[number], keyof typeof activityChannels>, (typeof activityEventNames)['length'] extends 0 ? true : never] = [true, true];
void listed;
