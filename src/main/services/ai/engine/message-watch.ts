import type Database from 'better-sqlite3';
import { aiLimits } from '../../../../shared/ai/types';
import type { Clock } from '../../../base/clock';
import type { AiConfigStore } from '../config/ai-config-store';
import type { EpisodeStore } from '../episode/episode-store';

const cursorKey = 'ai.cursor.messages';
const batchSize = 500;

interface MessageRow {
  id: number;
  conversation_id: number;
  whatsapp_number_id: number;
  sender: 'customer' | 'agent' | 'ai' | 'system';
  type: string;
  client_id: string | null;
  wa_chat_id: string | null;
}

/** A WhatsApp group, broadcast list, status or channel: never a customer's own chat. */
export function isIndividualChat(chatId: string | null): boolean {
  return chatId === null || !(chatId.endsWith('@g.us') || chatId.endsWith('@broadcast') || chatId.endsWith('@newsletter'));
}

/**
 * The AI's reading of the messages table, as a cursor in the settings committed with what it
 * changed (so a crash neither skips nor repeats a message): a customer's text in a 1:1 chat of
 * an enabled number (re)starts its conversation's quiet-time wait; a person's message — typed
 * in the app or on the phone (sender `agent`) — pauses the AI there. Its own, automated and
 * system messages change nothing.
 */
export class MessageWatch {
  private readonly q;

  constructor(private readonly deps: { sqlite: Database.Database; clock: Clock; configs: AiConfigStore; episodes: EpisodeStore }) {
    const { sqlite } = deps;
    this.q = {
      cursor: sqlite.prepare<[string], { value: string }>('select value from settings where key = ?'),
      setCursor: sqlite.prepare<[string, string, number]>(
        'insert into settings (key, value, updated_at) values (?, ?, ?) on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at',
      ),
      maxId: sqlite.prepare<[], { id: number | null }>('select max(id) as id from messages'),
      after: sqlite.prepare<[number, number], MessageRow>(
        `select m.id, m.conversation_id, m.whatsapp_number_id, m.sender, m.type, m.client_id, c.wa_chat_id
         from messages m join conversations c on c.id = m.conversation_id where m.id > ? order by m.id limit ?`,
      ),
      anyEnabled: sqlite.prepare<[], { n: number }>('select count(*) as n from ai_responder_configs where enabled = 1'),
    };
  }

  /** Reads every message past the cursor; returns the conversations a person took (to announce). */
  drain(): { paused: { conversationId: number; numberId: number }[]; armed: number } {
    const paused: { conversationId: number; numberId: number }[] = [];
    let armed = 0;
    for (;;) {
      const done = this.deps.sqlite.transaction(() => {
        const now = this.deps.clock.now();
        const row = this.q.cursor.get(cursorKey);
        // The first start reads from now on: nothing before the feature existed is answered.
        const from = row ? Number(row.value) : (this.q.maxId.get()?.id ?? 0);
        const batch = this.q.after.all(from, batchSize);
        if (batch.length > 0 && this.q.anyEnabled.get()!.n > 0) {
          // Per number: its switch, and the newest message when it was switched on (earlier ones are the team's).
          const enabled = new Map<number, { on: boolean; from: number }>();
          const isOn = (m: MessageRow) => {
            let state = enabled.get(m.whatsapp_number_id);
            if (state === undefined) {
              const on = this.deps.configs.current(m.whatsapp_number_id).enabled;
              enabled.set(m.whatsapp_number_id, (state = { on, from: on ? this.deps.configs.enabledFrom(m.whatsapp_number_id) : 0 }));
            }
            return state.on && m.id > state.from;
          };
          for (const m of batch) {
            if (m.sender === 'system' || m.sender === 'ai' || !isOn(m) || !isIndividualChat(m.wa_chat_id)) continue;
            if (m.sender === 'agent') {
              if (this.deps.episodes.pause(m.conversation_id, m.whatsapp_number_id, 'person_took_over')) paused.push({ conversationId: m.conversation_id, numberId: m.whatsapp_number_id });
            } else if (m.type === 'text' || m.type === 'chat') {
              const episode = this.deps.episodes.get(m.conversation_id);
              if (episode?.paused === 1) continue;
              this.deps.episodes.arm(m.conversation_id, m.whatsapp_number_id, m.id, now + aiLimits.debounceMs);
              armed++;
            }
          }
        }
        const last = batch.length > 0 ? batch[batch.length - 1]!.id : from;
        if (!row || last !== from) this.q.setCursor.run(cursorKey, String(last), now);
        return batch.length;
      })();
      if (done < batchSize) return { paused, armed };
    }
  }
}
