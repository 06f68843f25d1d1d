import type { SameNames } from '../contract-kit';
import type { dashboardChannels } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const dashboardChannelNames = ['dashboard.summary', 'dashboard.drillDown', 'dashboard.rebuild'] as const;

const listed: SameNames<(typeof dashboardChannelNames)[number], keyof typeof dashboardChannels> = true;
void listed;
