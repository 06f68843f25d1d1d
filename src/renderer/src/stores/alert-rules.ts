import type { ConversationView } from '../../../shared/inbox/types';

/**
 * A new customer message notifies the user when the conversation is theirs or nobody's,
 * unless they are looking at it right now (open on screen in a focused window).
 */
export function shouldNotify(conversation: ConversationView, userId: number, openId: number | null, windowSeen: boolean): boolean {
  if (conversation.assignedAgentId !== null && conversation.assignedAgentId !== userId) return false;
  return !(windowSeen && openId === conversation.id);
}
