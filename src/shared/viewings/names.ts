import type { SameNames } from '../contract-kit';
import type { viewingsChannels, ViewingsEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const viewingsChannelNames = [
  'viewings.calendar',
  'viewings.get',
  'viewings.forConversation',
  'viewings.forContact',
  'viewings.agents',
  'viewings.suggestSlot',
  'viewings.book',
  'viewings.reschedule',
  'viewings.update',
  'viewings.setStatus',
] as const;
export const viewingsEventNames = ['viewings.changed'] as const;

const listed: [SameNames<(typeof viewingsChannelNames)[number], keyof typeof viewingsChannels>, SameNames<(typeof viewingsEventNames)[number], keyof ViewingsEvents>] = [true, true];
void listed;
