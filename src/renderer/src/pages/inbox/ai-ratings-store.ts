import { create } from 'zustand';
import type { AiRating } from '../../../../shared/ai/types';

/**
 * This window's own ratings of AI messages, so a rating still shows after the thread is left and
 * opened again. The core keeps them (ai.rateMessage) but a message does not carry its rating back
 * yet, so after a reload the buttons start unpressed; pressing again replaces the stored rating.
 */
export const useAiRatingsStore = create<{ ratings: ReadonlyMap<string, AiRating | null>; set(key: string, rating: AiRating | null): void }>((set) => ({
  ratings: new Map(),
  set: (key, rating) => set((state) => ({ ratings: new Map(state.ratings).set(key, rating) })),
}));

/** Ratings are each user's own: another user signing in to this window starts with none. */
export const ratingKey = (userId: number | undefined, messageId: number): string => `${userId ?? 0}:${messageId}`;
