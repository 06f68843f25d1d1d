import { z } from 'zod';
import { entityId } from '../fields';
import { webhookEvents } from './types';

/** Seed 000's integrations/crm inputs. */

/** https anywhere; plain http only to this computer (a receiver under development). */
export const webhookUrl = z
  .string()
  .trim()
  .max(500)
  .refine((value) => {
    try {
      const url = new URL(value);
      if (url.username || url.password) return false;
      if (url.protocol === 'https:') return url.hostname.length > 0;
      return url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    } catch {
      return false;
    }
  }, 'An https address (or http://localhost)');

const events = z
  .array(z.enum(webhookEvents))
  .min(1)
  .max(webhookEvents.length)
  .transform((e) => webhookEvents.filter((name) => e.includes(name)));

export const createWebhookInput = z.object({ url: webhookUrl, events }).strict();

export const updateWebhookInput = z.object({ id: entityId, events: events.optional(), paused: z.boolean().optional() }).strict();

export const webhookIdInput = z.object({ id: entityId }).strict();

export const webhookDeliveriesInput = z
  .object({ endpointId: entityId, before: entityId.optional(), limit: z.number().int().min(1).max(100).default(50) })
  .strict();
