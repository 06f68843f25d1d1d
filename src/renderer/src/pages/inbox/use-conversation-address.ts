import { useEffect, useState } from 'react';
import { call } from '../../api/client';
import { openConversation } from '../../stores/inbox-actions';
import { useRouteStore } from '../../stores/route-store';
import { useThreadStore } from '../../stores/thread-store';

/**
 * Keeps the open conversation and the address `#/inbox/<id>` together: an address naming
 * another conversation (a reload, a shared link, Back) opens it; an address naming none while
 * one is open (the menu's Inbox) names it. True when the address names a conversation the
 * user cannot open.
 */
export function useConversationAddress(): boolean {
  const wanted = useRouteStore((state) => state.conversationId);
  const openId = useThreadStore((state) => state.conversation?.id ?? null);
  const [linkFailed, setLinkFailed] = useState(false);

  useEffect(() => {
    if (wanted === null || wanted === useThreadStore.getState().conversation?.id) return;
    let current = true;
    call('conversations.get', { id: wanted }).then(
      (conversation) => {
        // The agent may have picked another conversation meanwhile.
        if (!current || useRouteStore.getState().conversationId !== wanted) return;
        setLinkFailed(false);
        openConversation(conversation);
      },
      () => {
        if (!current || useRouteStore.getState().conversationId !== wanted) return;
        // The link asked for this conversation, not the one open before: show why it is not there.
        useThreadStore.getState().close();
        setLinkFailed(true);
        useRouteStore.getState().replace('inbox');
      },
    );
    return () => {
      current = false;
    };
  }, [wanted]);

  useEffect(() => {
    if (wanted === null && openId !== null) useRouteStore.getState().showConversation(openId);
    if (openId !== null) setLinkFailed(false);
  }, [wanted, openId]);

  return linkFailed;
}
