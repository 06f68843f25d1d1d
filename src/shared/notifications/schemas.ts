import { z } from 'zod';
import { roles } from '../domain';
import { entityId } from '../fields';
import { notificationModes, notificationTypes } from './types';

export const notificationListInput = z
  .object({
    /** Older than this notification (keyset cursor); the newest first when absent. */
    before: entityId.optional(),
    limit: z.number().int().min(1).max(100).default(30),
  })
  .strict();

export const notificationIdInput = z.object({ id: entityId }).strict();

export const setNotificationPreferenceInput = z
  .object({
    type: z.enum(notificationTypes),
    mode: z.enum(notificationModes),
  })
  .strict();

/** Seed 000's create-for-admins: an admin tells chosen users, or everyone in some roles. */
export const createNotificationInput = z
  .object({
    userIds: z.array(entityId).min(1).max(500).optional(),
    roles: z.array(z.enum(roles)).min(1).optional(),
    title: z.string().trim().min(1).max(120),
    body: z.string().trim().max(1000).default(''),
  })
  .strict()
  .refine((input) => input.userIds !== undefined || input.roles !== undefined, { path: ['userIds'], message: 'Name the users or the roles to tell' });
