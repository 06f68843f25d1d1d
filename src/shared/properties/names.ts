import type { SameNames } from '../contract-kit';
import type { propertiesChannels, PropertiesEvents } from './contract';

/** The slice's names without zod, for the preload and the renderer. */
export const propertiesChannelNames = [
  'properties.list',
  'properties.interestedConversations',
  'properties.create',
  'properties.update',
  'properties.priceHistory',
  'properties.sendCard',
  'properties.addPhoto',
  'properties.removePhoto',
  'properties.photo',
  'properties.delete',
  'conversations.interests',
  'conversations.setInterest',
  'conversations.removeInterest',
] as const;
export const propertiesEventNames = ['interests.changed', 'properties.changed', 'properties.priceChanged'] as const;

const listed: [SameNames<(typeof propertiesChannelNames)[number], keyof typeof propertiesChannels>, SameNames<(typeof propertiesEventNames)[number], keyof PropertiesEvents>] = [true, true];
void listed;
