import { z } from 'zod';
import { templateCategories } from './types';
import { clientMessageId, entityId } from '../fields';

/** Seed 003's templates inputs; the `{{variables}}` in the content are checked by the core. */

const templateName = z.string().trim().min(1).max(100);
/** A template is sent as one WhatsApp text, whose cap is 65,536 characters. */
const templateContent = z.string().max(65_536).refine((s) => s.trim().length > 0, 'required');
const category = z.enum(templateCategories);
/** Seed 003 lets the caller list the variables; the core reads them from the content and checks the list against it. */
const variableList = z.array(z.string().max(100)).max(100);

export const templateListInput = z
  .object({ category: category.optional(), isActive: z.boolean().optional(), search: z.string().trim().max(100).optional() })
  .strict();

export const createTemplateInput = z
  .object({ name: templateName, content: templateContent, category: category.default('other'), variables: variableList.optional(), isActive: z.boolean().default(true) })
  .strict();

export const updateTemplateInput = z
  .object({ id: entityId, name: templateName.optional(), content: templateContent.optional(), category: category.optional(), variables: variableList.optional(), isActive: z.boolean().optional() })
  .strict();

export const templateIdInput = z.object({ id: entityId }).strict();

/** Seed 003's POST /conversations/:id/messages/template. */
export const sendTemplateInput = z
  .object({
    conversationId: entityId,
    templateId: entityId,
    variables: z
      .record(z.string().max(100), z.string().max(4_000))
      .refine((values) => Object.keys(values).length <= 100, 'too many variables')
      .default({}),
    /** As `messages.send`'s: a resend of the same answer returns the stored message. */
    clientId: clientMessageId.optional(),
  })
  .strict();
