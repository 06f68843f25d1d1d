import { z } from 'zod';
import { entityId } from '../fields';

/** Seed 003's numbers inputs. */

const numberName = z.string().trim().min(2).max(100);
/** Seed 003's rate limit is 1,000 a day; an admin may lower or raise it. */
const quotaLimit = z.number().int().min(1).max(100_000);

export const createNumberInput = z
  .object({ name: numberName, employeeId: entityId.nullable().optional(), branchId: entityId.nullable().optional(), quotaLimit: quotaLimit.default(1000) })
  .strict();

export const updateNumberInput = z
  .object({ id: entityId, name: numberName.optional(), employeeId: entityId.nullable().optional(), branchId: entityId.nullable().optional(), quotaLimit: quotaLimit.optional() })
  .strict();

export const numberIdInput = z.object({ id: entityId }).strict();

/** Seed 000's `force`: drop the saved session and link again with a new QR. */
export const connectNumberInput = z.object({ id: entityId, force: z.boolean().default(false) }).strict();

/** The phone that will type the pairing code, in any usual form; normalised to E.164. */
export const pairingCodeInput = z.object({ id: entityId, phoneNumber: z.string().trim().min(5).max(25) }).strict();

/**
 * Demo mode: WhatsApp events the demo phone can make happen, to show how a number behaves:
 * sync held at 40% or finished, whatsapp-web.js's WAStates, a logout from the phone.
 */
export const demoPhoneEvents = ['sync40', 'sync100', 'TIMEOUT', 'CONNECTED', 'CONFLICT', 'TOS_BLOCK', 'DEPRECATED_VERSION', 'PROXYBLOCK', 'logout'] as const;
export type DemoPhoneEvent = (typeof demoPhoneEvents)[number];
export const demoEventInput = z.object({ id: entityId, event: z.enum(demoPhoneEvents) }).strict();

export const numberAgentsInput = z.object({ id: entityId, agentIds: z.array(entityId).max(200) }).strict();
