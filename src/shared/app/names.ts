import type { SameNames } from '../contract-kit';
import type { appChannels } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const appChannelNames = [
  'app.info',
] as const;
export const appEventNames = [] as const;

const listed: [SameNames<(typeof appChannelNames)[number], keyof typeof appChannels>, (typeof appEventNames)['length'] extends 0 ? true : never] = [true, true];
void listed;
