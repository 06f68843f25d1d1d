import type { SameNames } from '../contract-kit';
import type { mediaChannels } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const mediaChannelNames = [
  'media.uploadStart',
  'media.uploadChunk',
  'media.uploadFinish',
  'media.uploadCancel',
  'media.read',
] as const;
export const mediaEventNames = [] as const;

const listed: [SameNames<(typeof mediaChannelNames)[number], keyof typeof mediaChannels>, (typeof mediaEventNames)['length'] extends 0 ? true : never] = [true, true];
void listed;
