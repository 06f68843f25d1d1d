import { channel } from '../contract-kit';
import { empty } from '../fields';
import * as s from './schemas';
import type { ConversationPage, ConversationView, MessageVersionView, MessageView, UnreadSummary } from './types';

/** Conversations and their messages: the inbox itself. */
export const inboxChannels = {
  'conversations.list': channel<ConversationPage>()({ input: s.conversationListInput, access: 'user', kind: 'read' }),
  'conversations.get': channel<ConversationView>()({ input: s.conversationIdInput, access: 'user', kind: 'read' }),
  'conversations.update': channel<ConversationView>()({ input: s.updateConversationInput, access: 'user', kind: 'write' }),
  /** Assign or transfer to an agent (null: unassign); the agent is told. */
  'conversations.assign': channel<ConversationView>()({ input: s.assignConversationInput, access: 'user', kind: 'write' }),
  /** Counted as a read: an agent working a busy inbox must not hit the write limit by reading. */
  'conversations.markRead': channel<ConversationView>()({ input: s.conversationIdInput, access: 'user', kind: 'read' }),
  /** What waits to be read across the caller's numbers: the window title and the menu show it. */
  'conversations.unread': channel<UnreadSummary>()({ input: empty, access: 'user', kind: 'read' }),
  /** Oldest first, the newest `limit` before `beforeId`. */
  'messages.list': channel<MessageView[]>()({ input: s.messageListInput, access: 'user', kind: 'read' }),
  /** Queues the message and returns at once; `message.status` follows it. */
  'messages.send': channel<MessageView>()({ input: s.sendMessageInput, access: 'user', kind: 'write' }),
  /** An edited message's earlier texts, oldest first. */
  'messages.versions': channel<MessageVersionView[]>()({ input: s.messageIdInput, access: 'user', kind: 'read' }),
  /** Queues a failed message again. */
  'messages.retry': channel<MessageView>()({ input: s.messageIdInput, access: 'user', kind: 'write' }),
} as const;

export interface InboxEvents {
  /** Seed 003's events. */
  'message.new': { conversationId: number; message: MessageView };
  /** A message changed in place: a customer's file finished downloading (or cannot be). */
  'message.update': { conversationId: number; message: MessageView };
  'message.status': { conversationId: number; messageId: number; status: MessageView['status']; error: string | null; errorCode: MessageView['errorCode'] };
  'conversation.update': { conversationId: number; conversation: ConversationView };
  /** A conversation was assigned to you. */
  'conversation.assigned': { conversation: ConversationView; byUserName: string };
  /** A conversation assigned to you went to another agent, or to nobody (`conversation.assignedAgentId`). */
  'conversation.transferred': { conversation: ConversationView; byUserName: string };
}
