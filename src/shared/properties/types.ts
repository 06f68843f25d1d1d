/** Seed 003's properties catalogue and a conversation's interests in its properties. */
import type { ConversationStatus, PropertyInterestStatus } from '../domain';

export const propertyTypes = ['apartment', 'villa', 'land', 'office', 'shop', 'building'] as const;
export type PropertyType = (typeof propertyTypes)[number];

export const propertyStatuses = ['available', 'reserved', 'sold', 'rented'] as const;
export type PropertyStatus = (typeof propertyStatuses)[number];

/** The catalogue page's orders; `name` is the side panel's picker order. */
export const propertySorts = ['newest', 'name', 'price_asc', 'price_desc'] as const;
export type PropertySort = (typeof propertySorts)[number];

export interface PropertyView {
  id: number;
  name: string;
  type: PropertyType;
  location: string | null;
  /** Saudi riyals. */
  price: number | null;
  bedrooms: number | null;
  /** Square metres. */
  area: number | null;
  status: PropertyStatus;
  /** Photo file names in the media folder; none are uploaded yet. */
  photos: string[];
  createdAt: string;
  updatedAt: string;
}

/** A catalogue row, with how many of the conversations the caller may see are interested in it, per status. */
export interface PropertyListItem extends PropertyView {
  interestCounts: Record<PropertyInterestStatus, number>;
}

/** A conversation that has an interest in a property, as the catalogue page lists it. */
export interface InterestedConversation {
  conversationId: number;
  interestStatus: PropertyInterestStatus;
  interestUpdatedAt: string;
  customerName: string | null;
  customerPhone: string | null;
  numberName: string;
  conversationStatus: ConversationStatus;
  lastMessageTime: string | null;
  unreadCount: number;
}

export interface PropertyInterestView {
  conversationId: number;
  status: PropertyInterestStatus;
  property: PropertyView;
  createdAt: string;
  updatedAt: string;
}
