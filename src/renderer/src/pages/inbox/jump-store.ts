import { create } from 'zustand';

/**
 * A message the thread should scroll to and highlight (a reply's quoted original). The
 * thread is windowed, so the original may not be mounted, or not yet loaded: ThreadMessages
 * loads older pages until it has it, then scrolls and clears the request.
 */
export const useJumpStore = create<{ target: number | null; request(messageId: number): void; done(): void }>((set) => ({
  target: null,
  request: (messageId) => set({ target: messageId }),
  done: () => set({ target: null }),
}));
