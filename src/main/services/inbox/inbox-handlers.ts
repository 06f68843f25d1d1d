import type { inboxChannels } from '../../../shared/inbox/contract';
import { signedIn, type HandlerMap } from '../../rpc/handler-map';
import type { InboxService } from './inbox-service';

/** Binds the inbox slice's channels to its services. */
export function inboxHandlers(s: { inbox: InboxService }): HandlerMap<typeof inboxChannels> {
  return {
    'conversations.list': (input, { caller }) => s.inbox.listConversations(signedIn(caller), input),
    'conversations.get': (input, { caller }) => s.inbox.conversationFor(signedIn(caller), input.id),
    'conversations.markRead': (input, { caller }) => s.inbox.markRead(signedIn(caller), input.id),
    'conversations.update': (input, { caller }) => s.inbox.update(signedIn(caller), input),
    'conversations.assign': (input, { caller }) => s.inbox.assign(signedIn(caller), input.id, input.agentId),
    'conversations.unread': (_input, { caller }) => s.inbox.unread(signedIn(caller)),
    'messages.list': (input, { caller }) => s.inbox.listMessages(signedIn(caller), input),
    'messages.send': (input, { caller }) => s.inbox.send(signedIn(caller), input),
    'messages.retry': (input, { caller }) => s.inbox.retry(signedIn(caller), input.id),
    'messages.versions': (input, { caller }) => s.inbox.versions(signedIn(caller), input.id),
  };
}
