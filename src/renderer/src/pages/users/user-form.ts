import type { Role } from '../../../../shared/domain';
import type { ChannelInput } from '../../../../shared/contract';
import type { PublicUser } from '../../../../shared/users/types';
import { call } from '../../api/client';

export interface UserFormValues {
  name: string;
  email: string;
  password: string;
  role: Role;
  phone: string;
  /** '' for no branch. */
  branchId: string;
}

export function userFormValues(user?: PublicUser): UserFormValues {
  return { name: user?.name ?? '', email: user?.email ?? '', password: '', role: user?.role ?? 'agent', phone: user?.phone ?? '', branchId: user?.branchId ? String(user.branchId) : '' };
}

export function createUser(values: UserFormValues): Promise<PublicUser> {
  const phone = values.phone.trim();
  return call('users.create', {
    name: values.name,
    email: values.email,
    password: values.password,
    role: values.role,
    ...(phone ? { phone } : {}),
    ...(values.branchId ? { branchId: Number(values.branchId) } : {}),
  });
}

/**
 * Sends only what changed, so the activity log names the real change and an unchanged role
 * does not sign the user out. Resolves undefined when there is nothing to save.
 */
export async function updateUser(user: PublicUser, values: UserFormValues): Promise<PublicUser | undefined> {
  const phone = values.phone.trim() || null;
  const input: ChannelInput<'users.update'> = {
    id: user.id,
    ...(values.name !== user.name ? { name: values.name } : {}),
    ...(values.email !== user.email ? { email: values.email } : {}),
    ...(values.role !== user.role ? { role: values.role } : {}),
    ...(phone !== user.phone ? { phone } : {}),
    ...((values.branchId ? Number(values.branchId) : null) !== user.branchId ? { branchId: values.branchId ? Number(values.branchId) : null } : {}),
    ...(values.password ? { password: values.password } : {}),
  };
  if (Object.keys(input).length === 1) return undefined;
  return call('users.update', input);
}
