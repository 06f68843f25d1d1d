import { channel, managers } from '../contract-kit';
import * as s from './schemas';
import type { MediaPiece } from '../media/types';
import type { InterestedConversation, PropertyInterestView, PropertyListItem, PropertyView } from './types';

/** The office's property catalogue and conversations' interests in it. */
export const propertiesChannels = {
  /** Everyone reads the catalogue; interest counts cover only the conversations the caller may see. */
  'properties.list': channel<PropertyListItem[]>()({ input: s.propertyListInput, access: 'user', kind: 'read' }),
  /** The conversations interested in a property, on numbers the caller works; most recently changed first. */
  'properties.interestedConversations': channel<InterestedConversation[]>()({ input: s.propertyIdInput, access: 'user', kind: 'read' }),
  'properties.create': channel<PropertyView>()({ input: s.createPropertyInput, access: managers, kind: 'write' }),
  'properties.update': channel<PropertyView>()({ input: s.updatePropertyInput, access: managers, kind: 'write' }),
  /** Interests in it go with it. */
  /** A finished upload (an image) becomes the property's next photo; up to twelve. */
  'properties.addPhoto': channel<{ photos: string[] }>()({ input: s.addPropertyPhotoInput, access: managers, kind: 'write' }),
  'properties.removePhoto': channel<{ photos: string[] }>()({ input: s.removePropertyPhotoInput, access: managers, kind: 'write' }),
  /** A piece of one of a property's photos (base64), for anyone who sees the catalogue. */
  'properties.photo': channel<MediaPiece>()({ input: s.readPropertyPhotoInput, access: 'user', kind: 'transfer' }),
  'properties.delete': channel<{ ok: true }>()({ input: s.propertyIdInput, access: managers, kind: 'write' }),
  /** The conversation's interests in the office's properties, most recently changed first. */
  'conversations.interests': channel<PropertyInterestView[]>()({ input: s.conversationInterestsInput, access: 'user', kind: 'read' }),
  /** Adds an interest or changes its status. */
  'conversations.setInterest': channel<PropertyInterestView>()({ input: s.setInterestInput, access: 'user', kind: 'write' }),
  'conversations.removeInterest': channel<{ ok: true }>()({ input: s.removeInterestInput, access: 'user', kind: 'write' }),
} as const;

export interface PropertiesEvents {
  /** A conversation's property interests changed (or a property they name did): its side panel refreshes. */
  'interests.changed': { conversationId: number };
  /** A property was added, changed or deleted: open catalogues and interest pickers refresh. */
  'properties.changed': { propertyId: number };
}
