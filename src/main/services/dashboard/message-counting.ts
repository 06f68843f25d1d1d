/**
 * Which stored messages the dashboard counts, in one place for the kept figures and the rebuild:
 * system lines (a call, a notice) are no messages; ours count while WhatsApp has them as sent
 * (one that failed after all never reached the customer, and counts again if a retry sends it); a
 * person's reply is one written by an agent, in the app (sender_id) or on the phone (none).
 * AI and automation messages (`ai`, `system`) are sent messages but never a person's reply.
 */
export const systemLineTypes = ['notice', 'call'] as const;

export const isSystemLine = (type: string): boolean => (systemLineTypes as readonly string[]).includes(type);

/** The statuses of a message that left: 'queued' has not yet, 'failed' never reached the customer. */
export const sentStatuses = ['sent', 'delivered', 'read'] as const;

export const isSentStatus = (status: string): boolean => (sentStatuses as readonly string[]).includes(status);

/** SQL over `messages` (alias m): our message has left and has not failed since. */
export const sentSql = `(m.status in ('sent', 'delivered', 'read'))`;

export const isPersonReply = (sender: string): boolean => sender === 'agent';
