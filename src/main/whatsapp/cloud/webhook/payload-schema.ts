import { z } from 'zod';

/**
 * Meta's webhook body (WhatsApp Business Cloud API, `object: whatsapp_business_account`), read
 * leniently: only what we use is checked, unknown fields pass, and each message and status is
 * checked on its own so one odd item never hides the others in its batch.
 */
const text = z.string();
/** Meta's ids (`wamid.HBgL…`, media ids): printable, bounded; anything else makes its item unreadable. */
const metaId = z.string().regex(/^[A-Za-z0-9._:+/=-]{4,256}$/);
const optionalText = z.string().optional().nullable();

export const cloudContactSchema = z
  .object({
    wa_id: optionalText,
    /** Business-scoped user id: present for every user, the only id of one who hides their phone behind a username. */
    user_id: optionalText,
    // Statuses' contacts may come without a profile (Evolution API crashed on it): optional.
    profile: z.object({ name: optionalText, username: optionalText }).passthrough().optional().nullable(),
  })
  .passthrough();

const mediaSchema = z.object({ id: metaId, mime_type: optionalText, caption: optionalText, filename: optionalText, voice: z.boolean().optional().nullable() }).passthrough();

export const cloudMessageSchema = z
  .object({
    id: metaId,
    from: optionalText,
    from_user_id: optionalText,
    timestamp: z.union([z.string(), z.number()]).optional().nullable(),
    type: text,
    context: z.object({ id: optionalText, from: optionalText, forwarded: z.boolean().optional().nullable(), frequently_forwarded: z.boolean().optional().nullable() }).passthrough().optional().nullable(),
    text: z.object({ body: optionalText }).passthrough().optional().nullable(),
    image: mediaSchema.optional().nullable(),
    video: mediaSchema.optional().nullable(),
    audio: mediaSchema.optional().nullable(),
    document: mediaSchema.optional().nullable(),
    sticker: mediaSchema.optional().nullable(),
    location: z
      .object({ latitude: z.coerce.number(), longitude: z.coerce.number(), name: optionalText, address: optionalText, url: optionalText })
      .passthrough()
      .optional()
      .nullable(),
    contacts: z
      .array(
        z
          .object({
            name: z.object({ formatted_name: optionalText, first_name: optionalText, last_name: optionalText }).passthrough().optional().nullable(),
            phones: z.array(z.object({ phone: optionalText, wa_id: optionalText }).passthrough()).optional().nullable(),
          })
          .passthrough(),
      )
      .optional()
      .nullable(),
    interactive: z
      .object({
        type: optionalText,
        button_reply: z.object({ id: optionalText, title: optionalText }).passthrough().optional().nullable(),
        list_reply: z.object({ id: optionalText, title: optionalText, description: optionalText }).passthrough().optional().nullable(),
      })
      .passthrough()
      .optional()
      .nullable(),
    button: z.object({ text: optionalText, payload: optionalText }).passthrough().optional().nullable(),
    reaction: z.object({ message_id: metaId, emoji: optionalText }).passthrough().optional().nullable(),
    /** Meta's system line: a customer changed number (`new_wa_id`; older payloads `wa_id`) or identity. */
    system: z.object({ type: optionalText, body: optionalText, new_wa_id: optionalText, wa_id: optionalText }).passthrough().optional().nullable(),
  })
  .passthrough();

export const cloudStatusSchema = z
  .object({
    id: metaId,
    status: text,
    timestamp: z.union([z.string(), z.number()]).optional().nullable(),
    recipient_id: optionalText,
    recipient_user_id: optionalText,
    biz_opaque_callback_data: optionalText,
    errors: z.array(z.object({ code: z.coerce.number().optional().nullable(), title: optionalText, message: optionalText }).passthrough()).optional().nullable(),
  })
  .passthrough();

export const cloudChangeSchema = z
  .object({
    field: optionalText,
    value: z
      .object({
        metadata: z.object({ phone_number_id: optionalText, display_phone_number: optionalText }).passthrough().optional().nullable(),
        contacts: z.array(z.unknown()).optional().nullable(),
        messages: z.array(z.unknown()).optional().nullable(),
        statuses: z.array(z.unknown()).optional().nullable(),
        errors: z.array(z.unknown()).optional().nullable(),
      })
      .passthrough()
      .optional()
      .nullable(),
  })
  .passthrough();

export const cloudWebhookSchema = z
  .object({
    object: optionalText,
    entry: z.array(z.object({ id: optionalText, changes: z.array(z.unknown()).optional().nullable() }).passthrough()),
  })
  .passthrough();

export type CloudContact = z.infer<typeof cloudContactSchema>;
export type CloudMessage = z.infer<typeof cloudMessageSchema>;
export type CloudStatus = z.infer<typeof cloudStatusSchema>;
