import type { SameNames } from '../contract-kit';
import type { aiChannels, AiEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const aiChannelNames = [
  'ai.getConfig',
  'ai.saveConfig',
  'ai.toggleConfig',
  'ai.getProvider',
  'ai.saveProvider',
  'ai.testConnection',
  'ai.listFaq',
  'ai.saveFaq',
  'ai.deleteFaq',
  'ai.console',
  'ai.conversationState',
  'ai.resume',
  'ai.rateMessage',
  'ai.stats',
  'ai.logs',
] as const;
export const aiEventNames = ['ai.provider.changed', 'ai.conversation.changed', 'ai.config.changed'] as const;

const listed: [SameNames<(typeof aiChannelNames)[number], keyof typeof aiChannels>, SameNames<(typeof aiEventNames)[number], keyof AiEvents>] = [true, true];
void listed;
