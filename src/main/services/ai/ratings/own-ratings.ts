import type Database from 'better-sqlite3';
import type { AiRating } from '../../../../shared/ai/types';
import type { MessageView } from '../../../../shared/inbox/types';

/**
 * A thread page's AI messages with the reader's own 👍/👎 on them (each user rates for
 * themselves), so a rating comes back with the messages after a reload. A page without AI
 * messages costs no query.
 */
export function ownRatingsReader(sqlite: Database.Database) {
  const mine = sqlite.prepare<[number, string], { message_id: number; rating: AiRating }>(
    'select message_id, rating from ai_message_ratings where user_id = ? and message_id in (select value from json_each(?))',
  );
  return (userId: number, views: MessageView[]): MessageView[] => {
    const ai = views.filter((v) => v.sender === 'ai').map((v) => v.id);
    if (ai.length === 0) return views;
    const rated = new Map(mine.all(userId, JSON.stringify(ai)).map((r) => [r.message_id, r.rating] as const));
    return views.map((v) => (v.sender === 'ai' ? { ...v, aiRating: rated.get(v.id) ?? null } : v));
  };
}
