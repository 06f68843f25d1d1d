import type { ConversationStatus } from '../../../../shared/domain';
import type { ConversationView } from '../../../../shared/inbox-types';
import type { BadgeTone } from '../../components/Badge';

export const conversationStatusTone: Record<ConversationStatus, BadgeTone> = { active: 'green', pending: 'amber', resolved: 'gray' };

/** Who the customer is, as far as we know: the WhatsApp name, else the phone, else nothing. */
export function contactTitle(conversation: ConversationView): { text: string; isPhone: boolean } | null {
  const name = conversation.contact.name?.trim();
  if (name) return { text: name, isPhone: false };
  if (conversation.contact.phone) return { text: conversation.contact.phone, isPhone: true };
  return null;
}
