/**
 * Which stored messages the dashboard counts, in one place for the kept figures and the rebuild:
 * system lines (a call, a notice) are no messages; ours count once WhatsApp took them; a
 * person's reply is one written by an agent, in the app (sender_id) or on the phone (none).
 * AI and automation messages (`ai`, `system`) are sent messages but never a person's reply.
 */
export const systemLineTypes = ['notice', 'call'] as const;

export const isSystemLine = (type: string): boolean => (systemLineTypes as readonly string[]).includes(type);

/** SQL over `messages` (alias m): our message has left (the outbox's 'sent' or later, or WhatsApp knows it). */
export const sentSql = `(m.status in ('sent', 'delivered', 'read') or m.whatsapp_message_id is not null)`;

export const isPersonReply = (sender: string): boolean => sender === 'agent';
