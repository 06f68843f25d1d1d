import { z } from 'zod';
import { roles } from '../domain';
import { anyPassword, email, entityId, newPassword, optionalPhone, personName } from '../fields';

/** `setupCode`: asked only from another computer on the office network (the host prints it). */
export const setupAdminInput = z
  .object({ name: personName, email, password: newPassword, setupCode: z.string().trim().max(32).optional() })
  .strict();
export const signInInput = z.object({ email, password: anyPassword }).strict();

export const createUserInput = z
  .object({ name: personName, email, password: newPassword, role: z.enum(roles), phone: optionalPhone, branchId: entityId.nullable().optional() })
  .strict();

export const updateUserInput = z
  .object({
    id: entityId,
    name: personName.optional(),
    email: email.optional(),
    role: z.enum(roles).optional(),
    phone: optionalPhone,
    /** The branch the user works in (issue 14); null for none. */
    branchId: entityId.nullable().optional(),
    /** An admin may set a new password for a user who forgot theirs. */
    password: newPassword.optional(),
  })
  .strict();

export const setUserActiveInput = z.object({ id: entityId, isActive: z.boolean() }).strict();

export const updateProfileInput = z
  .object({ name: personName.optional(), phone: optionalPhone, language: z.enum(['ar', 'en']).optional() })
  .strict();

export const changePasswordInput = z.object({ oldPassword: anyPassword, newPassword }).strict();
