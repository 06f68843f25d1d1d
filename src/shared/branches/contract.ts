import { adminOnly, channel } from '../contract-kit';
import * as s from './schemas';
import type { BranchView } from './types';

/** The office's branches: admins keep them; everyone signed in picks from the active ones. */
export const branchesChannels = {
  /** Active branches by name; `includeArchived` is for admins (FORBIDDEN otherwise). */
  'branches.list': channel<BranchView[]>()({ input: s.branchListInput, access: 'user', kind: 'read' }),
  'branches.create': channel<BranchView>()({ input: s.createBranchInput, access: adminOnly, kind: 'write' }),
  'branches.update': channel<BranchView>()({ input: s.updateBranchInput, access: adminOnly, kind: 'write' }),
  /** Archived branches leave the pickers; what belongs to them stays. */
  'branches.setArchived': channel<BranchView>()({ input: s.archiveBranchInput, access: adminOnly, kind: 'write' }),
  /** Only a branch nothing uses: otherwise `CONFLICT` naming what uses it (archive it instead). */
  'branches.delete': channel<{ ok: true }>()({ input: s.branchIdInput, access: adminOnly, kind: 'write' }),
} as const;

export interface BranchesEvents {
  /** A branch was added, changed, archived or deleted: pickers and the Branches page refresh. */
  'branches.changed': { branchId: number };
}
