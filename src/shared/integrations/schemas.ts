import { z } from 'zod';
import { entityId } from '../fields';
import { apiScopes } from './types';

/** Seed 000's integrations/api-keys inputs. */

export const createApiKeyInput = z
  .object({
    name: z.string().trim().min(2).max(100),
    scopes: z.array(z.enum(apiScopes)).min(1).max(3).transform((s) => [...new Set(s)]),
    /** Limit the key to these numbers (still only those its owner works); omitted or null: all of the owner's. */
    numberIds: z.array(entityId).min(1).max(200).nullable().optional(),
    /** An ISO date-time after which the key is refused; omitted or null: no expiry. */
    expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
    /** Whose rights the key carries (an agent's key sees only their numbers); the creating admin by default. */
    ownerId: entityId.optional(),
  })
  .strict();

export const apiKeyIdInput = z.object({ id: entityId }).strict();

/** An origin as a browser sends it: scheme, host, optional port, nothing else. */
const origin = z
  .string()
  .trim()
  .max(200)
  .regex(/^https?:\/\/[A-Za-z0-9.-]+(:\d{1,5})?$/);

export const updateApiSettingsInput = z
  .object({ enabled: z.boolean().optional(), lan: z.boolean().optional(), corsOrigins: z.array(origin).max(20).optional(), port: z.number().int().min(1024).max(65535).optional() })
  .strict();
