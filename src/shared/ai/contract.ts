import { adminOnly, channel, managers } from '../contract-kit';
import type { Role } from '../domain';
import * as s from './schemas';
import type {
  AiConfigView,
  AiConsoleResult,
  AiConversationState,
  AiFaqEntry,
  AiLogPage,
  AiProviderView,
  AiRating,
  AiStats,
  AiTestConnectionResult,
  AiToggleResult,
} from './types';

const everyone: readonly Role[] = ['admin', 'supervisor', 'agent'];

/**
 * Issue 16 (seed 003 §6). Admins set the AI up (config per number, the office's provider, the
 * FAQ) and try it in the console; supervisors read the settings, FAQ, logs and stats; agents see
 * and resume the AI in conversations of their numbers and rate its messages there.
 */
export const aiChannels = {
  /** The seed's defaults when none is saved (`id` null). */
  'ai.getConfig': channel<AiConfigView>()({ input: s.numberIdInput, access: managers, kind: 'read' }),
  /** Upsert: absent fields keep their value. */
  'ai.saveConfig': channel<AiConfigView>()({ input: s.saveConfigInput, access: adminOnly, kind: 'write' }),
  'ai.toggleConfig': channel<AiToggleResult>()({ input: s.numberIdInput, access: adminOnly, kind: 'write' }),
  /** Never the key: `hasKey`. */
  'ai.getProvider': channel<AiProviderView>()({ input: s.emptyInput, access: managers, kind: 'read' }),
  'ai.saveProvider': channel<AiProviderView>()({ input: s.saveProviderInput, access: adminOnly, kind: 'write' }),
  /** One small call to the provider; the failure named in both languages. Saves nothing. */
  'ai.testConnection': channel<AiTestConnectionResult>()({ input: s.testConnectionInput, access: adminOnly, kind: 'write' }),
  'ai.listFaq': channel<AiFaqEntry[]>()({ input: s.listFaqInput, access: managers, kind: 'read' }),
  'ai.saveFaq': channel<AiFaqEntry>()({ input: s.saveFaqInput, access: adminOnly, kind: 'write' }),
  'ai.deleteFaq': channel<{ id: number }>()({ input: s.faqIdInput, access: adminOnly, kind: 'write' }),
  /** A question answered as a customer's would be: records used, tokens, checks; nothing sent or logged. */
  'ai.console': channel<AiConsoleResult>()({ input: s.consoleInput, access: adminOnly, kind: 'write' }),
  'ai.conversationState': channel<AiConversationState>()({ input: s.conversationIdInput, access: everyone, kind: 'read' }),
  /** "Resume AI": the AI answers this conversation again (a fresh count of replies). */
  'ai.resume': channel<AiConversationState>()({ input: s.conversationIdInput, access: everyone, kind: 'write' }),
  /** 👍/👎 on an AI message (one rating per user and message); feeds `satisfactionRate`. */
  'ai.rateMessage': channel<{ messageId: number; rating: AiRating | null }>()({ input: s.rateMessageInput, access: everyone, kind: 'write' }),
  'ai.stats': channel<AiStats>()({ input: s.aiStatsInput, access: managers, kind: 'read' }),
  /** The decision log, newest first. */
  'ai.logs': channel<AiLogPage>()({ input: s.aiLogsInput, access: managers, kind: 'read' }),
} as const;

export interface AiEvents {
  /** The provider's settings or state changed (ok ↔ failing); for admins and supervisors. */
  'ai.provider.changed': { state: AiProviderView['state'] };
  /** A conversation's AI state changed (replied, handed off, paused, resumed); for the number's team. */
  'ai.conversation.changed': { conversationId: number; numberId: number };
  /** A number's AI config was saved or toggled; for admins and supervisors. */
  'ai.config.changed': { numberId: number; enabled: boolean };
}
