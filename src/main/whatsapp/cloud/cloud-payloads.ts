import type { OutboundContent } from '../transport';
import { opaqueForLocalId } from './local-id-statuses';

/** The customer's digits from a chat id (`9665…@c.us`), as Meta's `to` takes them. */
export function recipientOf(chatId: string): string {
  const digits = chatId.replace(/@.*$/, '').replace(/\D/g, '');
  if (digits.length < 5) throw new Error(`not a valid recipient: ${chatId}`);
  return digits;
}

/**
 * The body of POST /{phone-number-id}/messages for one outbox message. `mediaId`: the file,
 * uploaded first. Our id rides along as `biz_opaque_callback_data` (Meta returns it on statuses).
 */
export function messageBody(to: string, content: OutboundContent, mediaId: string | null): Record<string, unknown> {
  const base: Record<string, unknown> = { messaging_product: 'whatsapp', recipient_type: 'individual', to };
  if (content.quotedMessageId) base.context = { message_id: content.quotedMessageId };
  if (content.localId !== undefined) base.biz_opaque_callback_data = opaqueForLocalId(content.localId);
  if (content.template) {
    const { name, language, components } = content.template;
    return { ...base, type: 'template', template: { name, language: { code: language }, ...(components.length > 0 ? { components } : {}) } };
  }
  if (content.media && mediaId) {
    const { type, name } = content.media;
    const caption = content.text.trim();
    // Audio takes no caption on WhatsApp; a document keeps its file name.
    const object: Record<string, unknown> = { id: mediaId };
    if (caption && type !== 'audio') object.caption = caption;
    if (type === 'document') object.filename = name;
    return { ...base, type, [type]: object };
  }
  // A link in the text gets WhatsApp's preview, as it does when typed on the phone.
  return { ...base, type: 'text', text: { body: content.text, preview_url: /https?:\/\//i.test(content.text) } };
}
