import { create } from 'zustand';
import type { AiRating } from '../../../../shared/ai/types';

/**
 * This window's presses on AI messages' 👍/👎, ahead of the thread page they were loaded with
 * (a message carries the reader's stored rating, `aiRating`, so a reload shows it too).
 */
export const useAiRatingsStore = create<{ ratings: ReadonlyMap<string, AiRating | null>; set(key: string, rating: AiRating | null): void }>((set) => ({
  ratings: new Map(),
  set: (key, rating) => set((state) => ({ ratings: new Map(state.ratings).set(key, rating) })),
}));

/** Ratings are each user's own: another user signing in to this window starts with none. */
export const ratingKey = (userId: number | undefined, messageId: number): string => `${userId ?? 0}:${messageId}`;
