import type { SameNames } from '../contract-kit';
import type { branchesChannels, BranchesEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const branchesChannelNames = ['branches.list', 'branches.create', 'branches.update', 'branches.setArchived', 'branches.delete'] as const;
export const branchesEventNames = ['branches.changed'] as const;

const listed: [SameNames<(typeof branchesChannelNames)[number], keyof typeof branchesChannels>, SameNames<(typeof branchesEventNames)[number], keyof BranchesEvents>] = [true, true];
void listed;
