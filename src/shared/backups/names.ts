import type { SameNames } from '../contract-kit';
import type { backupsChannels, BackupsEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const backupsChannelNames = ['backups.list', 'backups.updateSettings', 'backups.run', 'backups.restore'] as const;
export const backupsEventNames = ['backups.progress'] as const;

const listed: [SameNames<(typeof backupsChannelNames)[number], keyof typeof backupsChannels>, SameNames<(typeof backupsEventNames)[number], keyof BackupsEvents>] = [true, true];
void listed;
