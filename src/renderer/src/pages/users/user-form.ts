import { z } from 'zod';
import type { ChannelInput } from '../../../../shared/contract';
import { entityId, newPassword, optionalPhone } from '../../../../shared/fields';
import type { PublicUser } from '../../../../shared/users/types';
import { createUserInput } from '../../../../shared/users/schemas';
import { call } from '../../api/client';

/**
 * The user dialog's fields as the form holds them (text inputs and a select give strings), read
 * into the contract's own fields: an empty phone or branch is none, and on an edit an empty
 * password keeps the current one.
 */
const asText = {
  phone: z.string().transform((v): string | null | undefined => v.trim() || null).pipe(optionalPhone),
  branchId: z.string().transform((v) => (v ? Number(v) : null)).pipe(entityId.nullable()),
};

export const editUserForm = createUserInput.extend({ ...asText, password: z.string().transform((v) => v || undefined).pipe(newPassword.optional()) });
/** A new user needs a password: an empty one is refused as the core refuses a short one. */
export const newUserForm = editUserForm.superRefine((values, ctx) => {
  if (!values.password) ctx.addIssue({ code: 'too_small', origin: 'string', minimum: 8, inclusive: true, input: '', path: ['password'] });
});

export type UserFormValues = z.input<typeof editUserForm>;

export function userFormValues(user?: PublicUser): UserFormValues {
  return { name: user?.name ?? '', email: user?.email ?? '', password: '', role: user?.role ?? 'agent', phone: user?.phone ?? '', branchId: user?.branchId ? String(user.branchId) : '' };
}

export function createUser(values: z.output<typeof newUserForm>): Promise<PublicUser> {
  const { phone, branchId, password, ...rest } = values;
  return call('users.create', { ...rest, password: password ?? '', ...(phone ? { phone } : {}), ...(branchId ? { branchId } : {}) });
}

/**
 * Sends only what changed, so the activity log names the real change and an unchanged role
 * does not sign the user out. Resolves undefined when there is nothing to save.
 */
export async function updateUser(user: PublicUser, values: z.output<typeof editUserForm>): Promise<PublicUser | undefined> {
  const phone = values.phone ?? null;
  const branchId = values.branchId ?? null;
  const input: ChannelInput<'users.update'> = {
    id: user.id,
    ...(values.name !== user.name ? { name: values.name } : {}),
    ...(values.email !== user.email ? { email: values.email } : {}),
    ...(values.role !== user.role ? { role: values.role } : {}),
    ...(phone !== user.phone ? { phone } : {}),
    ...(branchId !== user.branchId ? { branchId } : {}),
    ...(values.password ? { password: values.password } : {}),
  };
  if (Object.keys(input).length === 1) return undefined;
  return call('users.update', input);
}
