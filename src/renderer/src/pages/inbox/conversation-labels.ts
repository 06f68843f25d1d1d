import type { ConversationStatus } from '../../../../shared/domain';
import type { ConversationView } from '../../../../shared/inbox/types';
import type { BadgeTone } from '../../components/Badge';

export const conversationStatusTone: Record<ConversationStatus, BadgeTone> = { active: 'green', pending: 'amber', resolved: 'gray' };

/** Who the customer is, as far as we know: the WhatsApp name, else the phone, else nothing. */
export function contactTitle(conversation: ConversationView): { text: string; isPhone: boolean } | null {
  const name = conversation.contact.name?.trim();
  if (name) return { text: name, isPhone: false };
  if (conversation.contact.phone) return { text: conversation.contact.phone, isPhone: true };
  return null;
}

/**
 * Two letters for a person's badge: the first and last names' first letters, skipping the
 * Arabic article (الحربي → ح), kept apart by a zero-width non-joiner so Arabic letters show
 * as letters, not as a joined word.
 */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letter = (word: string | undefined): string => {
    if (!word) return '';
    const bare = word.length > 3 && word.startsWith('ال') ? word.slice(2) : word;
    return (Array.from(bare)[0] ?? '').toUpperCase();
  };
  const first = letter(words[0]);
  const last = words.length > 1 ? letter(words[words.length - 1]) : '';
  return last ? `${first}\u200c${last}` : first;
}
