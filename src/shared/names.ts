import type { ChannelName, EventName } from './contract';

/**
 * The contract's channel and event names as plain lists, without zod: the preload and the
 * renderer need the names at run time but not the schemas. Type-only imports keep this file
 * free of the contract's code, and the checks below fail the typecheck if a name is missing,
 * extra or misspelt.
 */
export const channelNames = [
  'auth.state',
  'auth.setupAdmin',
  'auth.signIn',
  'auth.signOut',
  'profile.update',
  'profile.changePassword',
  'users.list',
  'users.create',
  'users.update',
  'users.setActive',
  'activity.list',
  'app.info',
  'numbers.list',
  'numbers.create',
  'numbers.update',
  'numbers.connect',
  'numbers.disconnect',
  'numbers.remove',
  'numbers.requestPairingCode',
  'numbers.demoScan',
  'conversations.list',
  'conversations.get',
  'conversations.markRead',
  'conversations.update',
  'conversations.assign',
  'numbers.setAgents',
  'messages.list',
  'messages.send',
  'messages.retry',
  'messages.sendTemplate',
  'templates.list',
  'templates.create',
  'templates.update',
  'templates.delete',
  'properties.list',
  'properties.create',
  'properties.update',
  'properties.delete',
  'properties.interestedConversations',
  'conversations.interests',
  'conversations.setInterest',
  'conversations.removeInterest',
  'contacts.list',
  'contacts.get',
  'contacts.create',
  'contacts.update',
  'contacts.addNote',
  'contacts.deleteNote',
  'contacts.tags',
  'contacts.importPreview',
  'contacts.import',
  'contacts.export',
  'media.uploadStart',
  'media.uploadChunk',
  'media.uploadFinish',
  'media.uploadCancel',
  'media.read',
  'properties.addPhoto',
  'properties.removePhoto',
  'properties.photo',
] as const satisfies readonly ChannelName[];

export const eventNames = [
  'session.ended',
  'users.changed',
  'message.new',
  'message.status',
  'message.update',
  'conversation.update',
  'number.status',
  'number.removed',
  'templates.changed',
  'conversation.assigned',
  'contact.changed',
  'contacts.import.progress',
  'interests.changed',
  'properties.changed',
] as const satisfies readonly EventName[];

type Missing<All, Listed> = Exclude<All, Listed>;
const everyChannelListed: Missing<ChannelName, (typeof channelNames)[number]> extends never ? true : never = true;
const everyEventListed: Missing<EventName, (typeof eventNames)[number]> extends never ? true : never = true;
void everyChannelListed;
void everyEventListed;

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && (channelNames as readonly string[]).includes(name);
}
export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && (eventNames as readonly string[]).includes(name);
}
