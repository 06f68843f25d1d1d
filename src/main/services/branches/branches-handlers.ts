import type { branchesChannels } from '../../../shared/branches/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { BranchesService } from './branches-service';

/** Binds the branches slice's channels to its service. */
export function branchesHandlers(s: { branches: BranchesService }): HandlerMap<typeof branchesChannels> {
  return {
    'branches.list': (input, { caller }) => s.branches.list(signedIn(caller), input),
    'branches.create': (input, { caller }) => s.branches.create(signedIn(caller), input),
    'branches.update': (input, { caller }) => s.branches.update(signedIn(caller), input),
    'branches.setArchived': (input, { caller }) => s.branches.setArchived(signedIn(caller), input),
    'branches.delete': (input, { caller }) => s.branches.delete(signedIn(caller), input.id),
  };
}
