import { create } from 'zustand';
import type { UnreadSummary } from '../../../shared/inbox/types';
import { call, onEvent, onReconnect } from '../api/client';

/**
 * At most one count a few seconds: a busy inbox sends many conversation updates, and the host
 * allows each user 100 reads a minute for everything.
 */
const refreshEveryMs = 3_000;

interface UnreadState {
  /** null until the first count answers. */
  summary: UnreadSummary | null;
}

export const useUnreadStore = create<UnreadState>()(() => ({ summary: null }));

/** Keeps the unread count (title and menu) live for the signed-in session, on every page. */
export function watchUnread(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastLoad = 0;
  let stopped = false;

  function load(): void {
    timer = undefined;
    lastLoad = Date.now();
    call('conversations.unread', {}).then(
      (summary) => {
        if (!stopped) useUnreadStore.setState({ summary });
      },
      () => {
        // The count stays as it was; the next change or reconnect reads it again.
      },
    );
  }

  function soon(): void {
    if (timer !== undefined) return;
    timer = setTimeout(load, Math.max(0, lastLoad + refreshEveryMs - Date.now()));
  }

  load();
  const offUpdate = onEvent('conversation.update', soon);
  const offReconnect = onReconnect(soon);
  return () => {
    stopped = true;
    offUpdate();
    offReconnect();
    if (timer !== undefined) clearTimeout(timer);
    useUnreadStore.setState({ summary: null });
  };
}
