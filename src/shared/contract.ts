import { z } from 'zod';
import type { Role } from './domain';
import * as s from './schemas/auth';
import * as inbox from './schemas/inbox';
import * as contacts from './schemas/contacts';
import type { ContactDetails, ContactNoteView, ContactPage, ContactView, ImportPreview, ImportResult, TagCount } from './contact-types';
import * as templates from './schemas/templates';
import * as properties from './schemas/properties';
import * as media from './schemas/media';
import type { MediaPiece, UploadedFile } from './media-types';
import type { InterestedConversation, PropertyInterestView, PropertyListItem, PropertyView } from './property-types';
import type { AppInfo, ConversationPage, ConversationView, MessageView, NumberView } from './inbox-types';
import type { TemplateView } from './template-types';
import type { ActivityEntry, AuthState, PublicUser, SessionEndReason, SignInResult } from './types';

/**
 * The one map of every channel (request → response) and every event (core → renderer).
 * The router, the Electron IPC bridge, the WebSocket host and the renderer client are all
 * built from these two objects, so a channel cannot exist in one place and not another.
 */

/** Who may call: anyone (before sign-in), any signed-in user, or only the listed roles. */
export type Access = 'public' | 'user' | readonly Role[];
/** Seed 003's rate limits count reads (GET) and writes (POST/PUT/PATCH) apart. */
export type CallKind = 'read' | 'write' | 'transfer';

export interface ChannelDef<I extends z.ZodType = z.ZodType, O = unknown> {
  input: I;
  access: Access;
  kind: CallKind;
  /** Type-only marker carrying the output type; never set at runtime. */
  readonly output?: O;
}

function channel<O>() {
  return <I extends z.ZodType>(def: { input: I; access: Access; kind: CallKind }): ChannelDef<I, O> => def;
}

const adminOnly = ['admin'] as const;
const managers = ['admin', 'supervisor'] as const;

export const channels = {
  'auth.state': channel<AuthState>()({ input: s.empty, access: 'public', kind: 'read' }),
  'auth.setupAdmin': channel<SignInResult>()({ input: s.setupAdminInput, access: 'public', kind: 'write' }),
  'auth.signIn': channel<SignInResult>()({ input: s.signInInput, access: 'public', kind: 'write' }),
  'auth.signOut': channel<{ ok: true }>()({ input: s.empty, access: 'user', kind: 'write' }),

  'profile.update': channel<PublicUser>()({ input: s.updateProfileInput, access: 'user', kind: 'write' }),
  'profile.changePassword': channel<{ ok: true }>()({ input: s.changePasswordInput, access: 'user', kind: 'write' }),

  'users.list': channel<PublicUser[]>()({ input: s.empty, access: managers, kind: 'read' }),
  'users.create': channel<PublicUser>()({ input: s.createUserInput, access: adminOnly, kind: 'write' }),
  'users.update': channel<PublicUser>()({ input: s.updateUserInput, access: adminOnly, kind: 'write' }),
  'users.setActive': channel<PublicUser>()({ input: s.setUserActiveInput, access: adminOnly, kind: 'write' }),

  'activity.list': channel<ActivityEntry[]>()({ input: s.activityListInput, access: managers, kind: 'read' }),

  'app.info': channel<AppInfo>()({ input: s.empty, access: 'public', kind: 'read' }),

  'numbers.list': channel<NumberView[]>()({ input: s.empty, access: 'user', kind: 'read' }),
  'numbers.create': channel<NumberView>()({ input: inbox.createNumberInput, access: adminOnly, kind: 'write' }),
  'numbers.update': channel<NumberView>()({ input: inbox.updateNumberInput, access: adminOnly, kind: 'write' }),
  /** Starts (or with `force`, re-links) the number's WhatsApp session. */
  'numbers.connect': channel<NumberView>()({ input: inbox.connectNumberInput, access: adminOnly, kind: 'write' }),
  /** Stops the session and keeps the link: the number comes back without a QR. */
  'numbers.disconnect': channel<NumberView>()({ input: inbox.numberIdInput, access: adminOnly, kind: 'write' }),
  /** Logs out, forgets the session and hides the number; its conversations stay. */
  'numbers.remove': channel<{ ok: true }>()({ input: inbox.numberIdInput, access: adminOnly, kind: 'write' }),
  'numbers.requestPairingCode': channel<{ code: string }>()({ input: inbox.pairingCodeInput, access: adminOnly, kind: 'write' }),
  /** Demo mode only: the simulated phone scans the QR on screen. */
  'numbers.demoScan': channel<{ ok: true }>()({ input: inbox.numberIdInput, access: adminOnly, kind: 'write' }),

  'conversations.list': channel<ConversationPage>()({ input: inbox.conversationListInput, access: 'user', kind: 'read' }),
  'conversations.get': channel<ConversationView>()({ input: inbox.conversationIdInput, access: 'user', kind: 'read' }),
  'conversations.update': channel<ConversationView>()({ input: inbox.updateConversationInput, access: 'user', kind: 'write' }),
  /** Assign or transfer to an agent (null: unassign); the agent is told. */
  'conversations.assign': channel<ConversationView>()({ input: inbox.assignConversationInput, access: 'user', kind: 'write' }),
  'numbers.setAgents': channel<NumberView>()({ input: inbox.numberAgentsInput, access: adminOnly, kind: 'write' }),
  /** Counted as a read: an agent working a busy inbox must not hit the write limit by reading. */
  'conversations.markRead': channel<ConversationView>()({ input: inbox.conversationIdInput, access: 'user', kind: 'read' }),

  /** Oldest first, the newest `limit` before `beforeId`. */
  'messages.list': channel<MessageView[]>()({ input: inbox.messageListInput, access: 'user', kind: 'read' }),
  /** Queues the message and returns at once; `message.status` follows it. */
  'messages.send': channel<MessageView>()({ input: inbox.sendMessageInput, access: 'user', kind: 'write' }),
  /**
   * Files in pieces (seed 003's multipart upload, over IPC or WebSocket alike): start checks
   * the type and size, chunks arrive in order, finish stores the file under its hash; the
   * upload id then goes with `messages.send`. Counted apart from reads and writes: a 100 MB
   * document is fifty pieces.
   */
  'media.uploadStart': channel<{ uploadId: string; chunkBytes: number }>()({ input: media.uploadStartInput, access: 'user', kind: 'write' }),
  'media.uploadChunk': channel<{ received: number }>()({ input: media.uploadChunkInput, access: 'user', kind: 'transfer' }),
  'media.uploadFinish': channel<UploadedFile>()({ input: media.uploadIdInput, access: 'user', kind: 'transfer' }),
  'media.uploadCancel': channel<{ ok: true }>()({ input: media.uploadIdInput, access: 'user', kind: 'transfer' }),
  /** A piece of a message's file (base64), for those who may read its conversation. */
  'media.read': channel<MediaPiece>()({ input: media.mediaReadInput, access: 'user', kind: 'transfer' }),
  /** Queues a failed message again. */
  'messages.retry': channel<MessageView>()({ input: inbox.messageIdInput, access: 'user', kind: 'write' }),

  /** Seed 003's send with a template: every variable filled, queued like any answer, the template's use counted. */
  'messages.sendTemplate': channel<MessageView>()({ input: templates.sendTemplateInput, access: 'user', kind: 'write' }),

  'templates.list': channel<TemplateView[]>()({ input: templates.templateListInput, access: 'user', kind: 'read' }),
  'templates.create': channel<TemplateView>()({ input: templates.createTemplateInput, access: managers, kind: 'write' }),
  'templates.update': channel<TemplateView>()({ input: templates.updateTemplateInput, access: managers, kind: 'write' }),
  'templates.delete': channel<{ ok: true }>()({ input: templates.templateIdInput, access: managers, kind: 'write' }),

  /** Everyone reads the catalogue; interest counts cover only the conversations the caller may see. */
  'properties.list': channel<PropertyListItem[]>()({ input: properties.propertyListInput, access: 'user', kind: 'read' }),
  /** The conversations interested in a property, on numbers the caller works; most recently changed first. */
  'properties.interestedConversations': channel<InterestedConversation[]>()({ input: properties.propertyIdInput, access: 'user', kind: 'read' }),
  'properties.create': channel<PropertyView>()({ input: properties.createPropertyInput, access: managers, kind: 'write' }),
  'properties.update': channel<PropertyView>()({ input: properties.updatePropertyInput, access: managers, kind: 'write' }),
  /** Interests in it go with it. */
  /** A finished upload (an image) becomes the property's next photo; up to twelve. */
  'properties.addPhoto': channel<{ photos: string[] }>()({ input: properties.addPropertyPhotoInput, access: managers, kind: 'write' }),
  'properties.removePhoto': channel<{ photos: string[] }>()({ input: properties.removePropertyPhotoInput, access: managers, kind: 'write' }),
  /** A piece of one of a property's photos (base64), for anyone who sees the catalogue. */
  'properties.photo': channel<MediaPiece>()({ input: properties.readPropertyPhotoInput, access: 'user', kind: 'transfer' }),
  'properties.delete': channel<{ ok: true }>()({ input: properties.propertyIdInput, access: managers, kind: 'write' }),
  /** The conversation's interests in the office's properties, most recently changed first. */
  'conversations.interests': channel<PropertyInterestView[]>()({ input: properties.conversationInterestsInput, access: 'user', kind: 'read' }),
  /** Adds an interest or changes its status. */
  'conversations.setInterest': channel<PropertyInterestView>()({ input: properties.setInterestInput, access: 'user', kind: 'write' }),
  'conversations.removeInterest': channel<{ ok: true }>()({ input: properties.removeInterestInput, access: 'user', kind: 'write' }),

  'contacts.list': channel<ContactPage>()({ input: contacts.contactListInput, access: 'user', kind: 'read' }),
  'contacts.get': channel<ContactDetails>()({ input: contacts.contactIdInput, access: 'user', kind: 'read' }),
  'contacts.create': channel<ContactView>()({ input: contacts.createContactInput, access: 'user', kind: 'write' }),
  'contacts.update': channel<ContactView>()({ input: contacts.updateContactInput, access: 'user', kind: 'write' }),
  'contacts.addNote': channel<ContactNoteView>()({ input: contacts.addNoteInput, access: 'user', kind: 'write' }),
  /** The note's author, an admin or a supervisor. */
  'contacts.deleteNote': channel<{ ok: true }>()({ input: contacts.noteIdInput, access: 'user', kind: 'write' }),
  /** Every tag in use, most used first. */
  'contacts.tags': channel<TagCount[]>()({ input: s.empty, access: 'user', kind: 'read' }),
  /** Parses and checks a CSV without storing anything. Bulk import and export are for managers. */
  'contacts.importPreview': channel<ImportPreview>()({ input: contacts.importPreviewInput, access: managers, kind: 'read' }),
  /** All or nothing; `contacts.import.progress` goes to the caller's window while it runs. */
  'contacts.import': channel<ImportResult>()({ input: contacts.importInput, access: managers, kind: 'write' }),
  /** UTF-8 with a BOM, so Excel shows Arabic. */
  'contacts.export': channel<{ csv: string }>()({ input: contacts.exportInput, access: managers, kind: 'read' }),
} as const;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
export type ChannelParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = NonNullable<Channels[C]['output']>;

/** Events pushed from the core to open windows. */
export interface Events {
  /** This window's session ended elsewhere (deactivated, password changed, expired). */
  'session.ended': { reason: SessionEndReason };
  /** The user list changed: admin screens refresh. */
  'users.changed': { userId: number };
  /** Seed 003's events. */
  'message.new': { conversationId: number; message: MessageView };
  /** A message changed in place: a customer's file finished downloading (or cannot be). */
  'message.update': { conversationId: number; message: MessageView };
  'message.status': { conversationId: number; messageId: number; status: MessageView['status']; error: string | null; errorCode: MessageView['errorCode'] };
  'conversation.update': { conversationId: number; conversation: ConversationView };
  'number.status': { number: NumberView };
  /** A number was removed: windows drop it. */
  'number.removed': { id: number };
  /** A contact was created or changed; null when many changed at once (an import): lists reload. */
  'contact.changed': { contactId: number | null };
  /** Rows of a running import checked so far; only to the window that started it. */
  'contacts.import.progress': { done: number; total: number };
  /** A template was added, changed, removed or used: open template lists and pickers refresh. */
  'templates.changed': { templateId: number };
  /** A conversation's property interests changed (or a property they name did): its side panel refreshes. */
  'interests.changed': { conversationId: number };
  /** A property was added, changed or deleted: open catalogues and interest pickers refresh. */
  'properties.changed': { propertyId: number };
  /** A conversation was assigned to you. */
  'conversation.assigned': { conversation: ConversationView; byUserName: string };
}
export type EventName = keyof Events;
