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

/** What an admin's notification says (seed 000 create-for-admins). */
const messageFields = {
  title: z.string().trim().min(1).max(120),
  body: z.string().trim().max(1000).default(''),
};

/** Seed 000's create-for-admins: an admin tells chosen users, or everyone in some roles. */
export const createNotificationInput = z
  .object({
    userIds: z.array(entityId).min(1).max(500).optional(),
    roles: z.array(z.enum(roles)).min(1).optional(),
    ...messageFields,
  })
  .strict()
  .refine((input) => input.userIds !== undefined || input.roles !== undefined, { path: ['userIds'], message: 'Name the users or the roles to tell' });

/** The send dialog: one audience picked from a list, then the same checks as the channel. */
export const notificationAudiences = ['everyone', ...roles] as const;
export const sendNotificationForm = z.object({ to: z.enum(notificationAudiences), ...messageFields }).strict();

export function createNotificationFromForm(form: z.output<typeof sendNotificationForm>): z.input<typeof createNotificationInput> {
  return { roles: form.to === 'everyone' ? [...roles] : [form.to], title: form.title, body: form.body };
}
