import { channel } from '../contract-kit';
import { empty } from '../fields';
import type { AppInfo } from './types';

/** What the app is (version, demo mode), before sign-in too. */
export const appChannels = {
  'app.info': channel<AppInfo>()({ input: empty, access: 'public', kind: 'read' }),
} as const;
