import type { SameNames } from '../contract-kit';
import type { inboxChannels, InboxEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const inboxChannelNames = [
  'conversations.list',
  'conversations.get',
  'conversations.update',
  'conversations.assign',
  'conversations.markRead',
  'conversations.unread',
  'messages.list',
  'messages.send',
  'messages.retry',
  'messages.versions',
] as const;
export const inboxEventNames = ['message.new', 'message.update', 'message.status', 'conversation.update', 'conversation.assigned', 'conversation.transferred'] as const;

const listed: [SameNames<(typeof inboxChannelNames)[number], keyof typeof inboxChannels>, SameNames<(typeof inboxEventNames)[number], keyof InboxEvents>] = [true, true];
void listed;
