import { create } from 'zustand';
import type { MessageView } from '../../../../shared/inbox/types';

/** The message the agent is replying to in the open conversation (the composer sends it as a quoted reply). */
export const useReplyStore = create<{ replyTo: MessageView | null; set(message: MessageView | null): void }>((set) => ({
  replyTo: null,
  set: (message) => set({ replyTo: message }),
}));
