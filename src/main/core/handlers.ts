import type { Handlers } from '../rpc/router';
import type { ActivityLog } from '../services/activity/activity-log';
import type { AuthService, Caller } from '../services/auth/auth-service';
import type { ProfileService } from '../services/users/profile-service';
import type { UsersService } from '../services/users/users-service';
import type { InboxService } from '../services/inbox/inbox-service';
import type { NumbersService } from '../services/numbers/numbers-service';
import type { TemplatesService } from '../services/templates/templates-service';
import type { PropertiesService } from '../services/properties/properties-service';
import type { ContactsService } from '../services/contacts/contacts-service';
import type { MediaService } from '../services/media/media-service';
import type { PropertyPhotos } from '../services/properties/property-photos';
import type { AppInfo } from '../../shared/inbox-types';

export interface Services {
  auth: AuthService;
  users: UsersService;
  profile: ProfileService;
  activity: ActivityLog;
  numbers: NumbersService;
  inbox: InboxService;
  templates: TemplatesService;
  contacts: ContactsService;
  properties: PropertiesService;
  media: MediaService;
  propertyPhotos: PropertyPhotos;
  appInfo: AppInfo;
}

/** The router guarantees a caller on every non-public channel; this states it for the types. */
const signedIn = (caller: Caller | undefined): Caller => caller!;

/** Binds every contract channel to its service method. */
export function createHandlers(s: Services): Handlers {
  return {
    'auth.state': (_input, { caller }) => s.auth.state(caller),
    'auth.setupAdmin': (input) => s.auth.setupAdmin(input),
    'auth.signIn': (input, { clientKey }) => s.auth.signIn(input, clientKey),
    'auth.signOut': (_input, { caller }) => {
      s.auth.signOut(signedIn(caller));
      return { ok: true as const };
    },
    'profile.update': (input, { caller }) => s.profile.update(signedIn(caller), input),
    'profile.changePassword': async (input, { caller }) => {
      await s.profile.changePassword(signedIn(caller), input);
      return { ok: true as const };
    },
    'users.list': () => s.users.list(),
    'users.create': (input, { caller }) => s.users.create(signedIn(caller), input),
    'users.update': (input, { caller }) => s.users.update(signedIn(caller), input),
    'users.setActive': (input, { caller }) => s.users.setActive(signedIn(caller), input),
    'activity.list': (input) => s.activity.list(input.limit, input.beforeId),
    'app.info': () => s.appInfo,
    'numbers.list': (_input, { caller }) => s.numbers.list(signedIn(caller)),
    'numbers.create': (input, { caller }) => s.numbers.create(signedIn(caller), input),
    'numbers.update': (input, { caller }) => s.numbers.update(signedIn(caller), input),
    'numbers.connect': (input, { caller }) => s.numbers.connect(signedIn(caller), input.id, input.force),
    'numbers.disconnect': (input, { caller }) => s.numbers.disconnect(signedIn(caller), input.id),
    'numbers.remove': (input, { caller }) => s.numbers.remove(signedIn(caller), input.id),
    'numbers.requestPairingCode': (input, { caller }) => s.numbers.requestPairingCode(signedIn(caller), input.id, input.phoneNumber),
    'numbers.demoScan': (input) => s.numbers.demoScan(input.id),
    'conversations.list': (input, { caller }) => s.inbox.listConversations(signedIn(caller), input),
    'conversations.get': (input, { caller }) => s.inbox.conversationFor(signedIn(caller), input.id),
    'conversations.markRead': (input, { caller }) => s.inbox.markRead(signedIn(caller), input.id),
    'conversations.update': (input, { caller }) => s.inbox.update(signedIn(caller), input),
    'conversations.assign': (input, { caller }) => s.inbox.assign(signedIn(caller), input.id, input.agentId),
    'numbers.setAgents': (input, { caller }) => s.numbers.setAgents(signedIn(caller), input.id, input.agentIds),
    'messages.list': (input, { caller }) => s.inbox.listMessages(signedIn(caller), input),
    'messages.send': (input, { caller }) => s.inbox.send(signedIn(caller), input),
    'media.uploadStart': (input, { caller }) => s.media.uploadStart(signedIn(caller), input),
    'media.uploadChunk': (input, { caller }) => s.media.uploadChunk(signedIn(caller), input),
    'media.uploadFinish': (input, { caller }) => s.media.uploadFinish(signedIn(caller), input.uploadId),
    'media.uploadCancel': (input, { caller }) => s.media.uploadCancel(signedIn(caller), input.uploadId),
    'media.read': (input, { caller }) => s.media.read(signedIn(caller), input),
    'messages.sendTemplate': (input, { caller }) => s.templates.send(signedIn(caller), input),
    'templates.list': (input) => s.templates.list(input),
    'templates.create': (input, { caller }) => s.templates.create(signedIn(caller), input),
    'templates.update': (input, { caller }) => s.templates.update(signedIn(caller), input),
    'templates.delete': (input, { caller }) => s.templates.delete(signedIn(caller), input.id),
    'messages.retry': (input, { caller }) => s.inbox.retry(signedIn(caller), input.id),
    'properties.list': (input, { caller }) => s.properties.list(signedIn(caller), input),
    'properties.interestedConversations': (input, { caller }) => s.properties.interestedConversations(signedIn(caller), input.id),
    'properties.create': (input, { caller }) => s.properties.create(signedIn(caller), input),
    'properties.update': (input, { caller }) => s.properties.update(signedIn(caller), input),
    'properties.delete': (input, { caller }) => s.properties.delete(signedIn(caller), input.id),
    'properties.addPhoto': (input, { caller }) => s.propertyPhotos.add(signedIn(caller), input.id, input.uploadId),
    'properties.removePhoto': (input, { caller }) => s.propertyPhotos.remove(signedIn(caller), input.id, input.photo),
    'properties.photo': (input) => s.propertyPhotos.piece(input),
    'conversations.interests': (input, { caller }) => s.properties.interests(signedIn(caller), input),
    'conversations.setInterest': (input, { caller }) => s.properties.setInterest(signedIn(caller), input),
    'conversations.removeInterest': (input, { caller }) => s.properties.removeInterest(signedIn(caller), input),
    'contacts.list': (input) => s.contacts.list(input),
    'contacts.get': (input, { caller }) => s.contacts.get(signedIn(caller), input.id),
    'contacts.create': (input, { caller }) => s.contacts.create(signedIn(caller), input),
    'contacts.update': (input, { caller }) => s.contacts.update(signedIn(caller), input),
    'contacts.addNote': (input, { caller }) => s.contacts.addNote(signedIn(caller), input),
    'contacts.deleteNote': (input, { caller }) => s.contacts.deleteNote(signedIn(caller), input.id),
    'contacts.tags': () => s.contacts.tags(),
    'contacts.importPreview': (input, { caller }) => s.contacts.importPreview(signedIn(caller), input),
    'contacts.import': (input, { caller }) => s.contacts.import(signedIn(caller), input),
    'contacts.export': (input, { caller }) => s.contacts.export(signedIn(caller), input),
  };
}
