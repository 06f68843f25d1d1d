import type Database from 'better-sqlite3';
import type { AiConversationState, AiRating } from '../../../../shared/ai/types';
import type { Clock } from '../../../base/clock';
import type { EventBus } from '../../../events/event-bus';
import { fieldError } from '../../../rpc/app-error';
import type { Caller } from '../../auth/auth-service';
import type { NumberAccess } from '../../inbox/number-access';
import type { AiConfigStore } from '../config/ai-config-store';
import type { EpisodeStore } from './episode-store';

/** What agents do with the AI in a conversation of their numbers: see who holds it, resume it, rate its messages. */
export class AiConversations {
  private readonly q;

  constructor(private readonly deps: { sqlite: Database.Database; clock: Clock; bus: EventBus; access: NumberAccess; episodes: EpisodeStore; configs: AiConfigStore }) {
    const { sqlite } = deps;
    this.q = {
      message: sqlite.prepare<[number], { sender: string }>('select sender from messages where id = ?'),
      rate: sqlite.prepare<[number, number, string, number]>(
        'insert into ai_message_ratings (message_id, user_id, rating, created_at) values (?, ?, ?, ?) on conflict (message_id, user_id) do update set rating = excluded.rating, created_at = excluded.created_at',
      ),
      unrate: sqlite.prepare<[number, number]>('delete from ai_message_ratings where message_id = ? and user_id = ?'),
    };
  }

  state(caller: Caller, conversationId: number): AiConversationState {
    const numberId = this.deps.access.requireConversation(caller, conversationId);
    return this.deps.episodes.view(conversationId, this.deps.configs.current(numberId).enabled);
  }

  /** "Resume AI": the AI answers again, with a fresh count of replies. */
  resume(caller: Caller, conversationId: number): AiConversationState {
    const numberId = this.deps.access.requireConversation(caller, conversationId);
    this.deps.episodes.resume(conversationId);
    this.changed(conversationId, numberId);
    return this.deps.episodes.view(conversationId, this.deps.configs.current(numberId).enabled);
  }

  rate(caller: Caller, messageId: number, rating: AiRating | null): { messageId: number; rating: AiRating | null } {
    this.deps.access.requireMessage(caller, messageId);
    if (this.q.message.get(messageId)?.sender !== 'ai') throw fieldError('messageId', 'invalid', 'Only the AI assistant’s messages are rated');
    if (rating === null) this.q.unrate.run(messageId, caller.user.id);
    else this.q.rate.run(messageId, caller.user.id, rating, this.deps.clock.now());
    return { messageId, rating };
  }

  changed(conversationId: number, numberId: number): void {
    this.deps.bus.publish('ai.conversation.changed', { conversationId, numberId }, this.deps.access.audience(numberId));
  }
}
