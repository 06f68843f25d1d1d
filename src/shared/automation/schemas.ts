import { z } from 'zod';
import { entityId } from '../fields';
import { automationTriggers, delayLimitMinutes, jobStatuses, statsPeriods } from './types';

/**
 * Seed 003 §5's rule fields. The cross-field checks (a negative delay only on reminders, a
 * no-response delay not shorter than its window, the template's variables against the trigger,
 * the template active) need the database or the other fields, so the core makes them and names
 * the field; the form runs the same refinement through `ruleFieldsChecked`.
 */
const ruleName = z.string().trim().min(1).max(100);
const description = z.string().trim().max(500).nullable().optional();
export const delayMinutes = z.number().int().min(-delayLimitMinutes).max(delayLimitMinutes);
const trigger = z.enum(automationTriggers);

export const createRuleInput = z
  .object({
    name: ruleName,
    description,
    trigger,
    delayMinutes: delayMinutes.default(0),
    templateId: entityId,
    isActive: z.boolean().default(true),
    /** null or absent: every number. */
    whatsappNumberId: entityId.nullable().default(null),
    /** Postpone a job due while the office is closed to its next opening. */
    officeHoursOnly: z.boolean().default(false),
  })
  .strict();

export const updateRuleInput = z
  .object({
    id: entityId,
    name: ruleName.optional(),
    description,
    trigger: trigger.optional(),
    delayMinutes: delayMinutes.optional(),
    templateId: entityId.optional(),
    isActive: z.boolean().optional(),
    whatsappNumberId: entityId.nullable().optional(),
    officeHoursOnly: z.boolean().optional(),
  })
  .strict();

export const ruleIdInput = z.object({ id: entityId }).strict();

/** Seed 003's filters: `numberId` (null = the all-numbers rules only), `isActive`, `trigger`. */
export const listRulesInput = z
  .object({ numberId: entityId.nullable().optional(), isActive: z.boolean().optional(), trigger: trigger.optional() })
  .strict();

export const statsInput = z.object({ numberId: entityId.optional(), period: z.enum(statsPeriods).default('24h') }).strict();

/** A rule as the form holds it (saved or not): which subjects it would arm a job for now. */
export const dryRunInput = z
  .object({ trigger, delayMinutes: delayMinutes.default(0), whatsappNumberId: entityId.nullable().default(null) })
  .strict();

/** The template filled with a real conversation's values (the newest one the rule could touch when absent). */
export const previewInput = z
  .object({ templateId: entityId, trigger, whatsappNumberId: entityId.nullable().default(null), conversationId: entityId.optional() })
  .strict();

export const ruleJobsInput = z
  .object({
    ruleId: entityId,
    /** upcoming: pending, soonest first; past: ended, newest first. */
    view: z.enum(['upcoming', 'past']).default('upcoming'),
    status: z.enum(jobStatuses).optional(),
    /** A job id from the previous page's `nextBefore`. */
    before: entityId.optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

export const conversationJobsInput = z.object({ conversationId: entityId }).strict();
export const jobIdInput = z.object({ id: entityId }).strict();

/** An agent's "follow up in …" on a conversation: arms the conversation's `follow_up` rules for then. */
export const followUpInput = z
  .object({ conversationId: entityId, inMinutes: z.number().int().min(1).max(delayLimitMinutes) })
  .strict();

export const contactAutomationInput = z.object({ contactId: entityId }).strict();
