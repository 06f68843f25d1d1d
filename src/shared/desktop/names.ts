import type { SameNames } from '../contract-kit';
import type { desktopChannels, DesktopEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const desktopChannelNames = ['desktop.settings', 'desktop.updateSettings'] as const;
export const desktopEventNames = ['desktop.changed'] as const;

const listed: [SameNames<(typeof desktopChannelNames)[number], keyof typeof desktopChannels>, SameNames<(typeof desktopEventNames)[number], keyof DesktopEvents>] = [true, true];
void listed;
