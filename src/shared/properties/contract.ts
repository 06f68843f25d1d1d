import { channel, managers } from '../contract-kit';
import * as s from './schemas';
import type { MediaPiece } from '../media/types';
import type { MessageView } from '../inbox/types';
import type { InterestedConversation, PriceChange, PropertyInterestView, PropertyListItem, PropertyView } from './types';

/** The office's property catalogue and conversations' interests in it. */
export const propertiesChannels = {
  /** Everyone reads the catalogue; interest counts cover only the conversations the caller may see. */
  'properties.list': channel<PropertyListItem[]>()({ input: s.propertyListInput, access: 'user', kind: 'read' }),
  /** The conversations interested in a property, on numbers the caller works; most recently changed first. */
  'properties.interestedConversations': channel<InterestedConversation[]>()({ input: s.propertyIdInput, access: 'user', kind: 'read' }),
  'properties.create': channel<PropertyView>()({ input: s.createPropertyInput, access: managers, kind: 'write' }),
  /** A price change is written to the price history in the same transaction. */
  'properties.update': channel<PropertyView>()({ input: s.updatePropertyInput, access: managers, kind: 'write' }),
  /** The property's price changes, newest first; everyone who reads the catalogue. */
  'properties.priceHistory': channel<PriceChange[]>()({ input: s.propertyIdInput, access: 'user', kind: 'read' }),
  /**
   * The property's card (first photo, caption with price and REGA advertising licence) queued into a
   * conversation the caller works; refused (VALIDATION_ERROR) without a present, unexpired licence.
   */
  'properties.sendCard': channel<MessageView>()({ input: s.sendPropertyCardInput, access: 'user', kind: 'write' }),
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
  /** A property's price changed (halalas): its history refreshes; the automation's `price_change` trigger listens here. */
  'properties.priceChanged': { propertyId: number; oldPrice: number | null; newPrice: number | null; changedBy: number };
}
