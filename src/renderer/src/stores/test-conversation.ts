import type { ConversationView } from '../../../shared/inbox/types';

/** A conversation as the core sends it, for the store tests: minute `minute` of a fixed morning. */
export function testConversation(id: number, minute: number, extra: Partial<ConversationView> = {}): ConversationView {
  return {
    id,
    contact: { id, name: `Customer ${id}`, phone: `+96650000000${id}` },
    whatsappNumberId: 1,
    numberName: 'Riyadh sales',
    lastMessage: 'hello',
    lastMessageTime: new Date(Date.UTC(2026, 2, 1, 9, minute)).toISOString(),
    unreadCount: 0,
    status: 'active',
    isStarred: false,
    isArchived: false,
    assignedAgentId: null,
    assignedAgentName: null,
    ...extra,
  };
}
