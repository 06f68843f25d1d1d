/** Seed 003's properties catalogue and a conversation's interests in its properties. */
import type { ConversationStatus, PropertyInterestStatus } from '../domain';

export const propertyTypes = ['apartment', 'villa', 'land', 'office', 'shop', 'building'] as const;
export type PropertyType = (typeof propertyTypes)[number];

export const propertyStatuses = ['available', 'reserved', 'sold', 'rented', 'off_market'] as const;
export type PropertyStatus = (typeof propertyStatuses)[number];

/** Offered for sale, or for rent by the year or the month. */
export const propertyListings = ['sale', 'rent'] as const;
export type PropertyListing = (typeof propertyListings)[number];
export const rentPeriods = ['yearly', 'monthly'] as const;
export type RentPeriod = (typeof rentPeriods)[number];

/** The catalogue page's orders; `name` is the side panel's picker order. */
export const propertySorts = ['newest', 'name', 'price_asc', 'price_desc'] as const;
export type PropertySort = (typeof propertySorts)[number];

export interface PropertyView {
  id: number;
  name: string;
  type: PropertyType;
  location: string | null;
  /** Integer halalas (riyals × 100); the rent per period when for rent. */
  price: number | null;
  bedrooms: number | null;
  /** Square metres. */
  area: number | null;
  status: PropertyStatus;
  /** Photo file names in the media folder; none are uploaded yet. */
  photos: string[];
  listing: PropertyListing;
  /** Set when for rent. */
  rentPeriod: RentPeriod | null;
  city: string | null;
  district: string | null;
  branch: { id: number; name: string; nameEn: string | null } | null;
  /** The owner, a contact. */
  owner: { id: number; name: string | null; phone: string } | null;
  /** REGA advertising licence; a card is sent only while it is valid. */
  adLicenceNumber: string | null;
  /** Its last valid day (YYYY-MM-DD, office calendar). */
  adLicenceExpiry: string | null;
  descriptionAr: string | null;
  descriptionEn: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One change of a property's price, with who made it and when. */
export interface PriceChange {
  id: number;
  /** Halalas; null when unpriced. */
  oldPrice: number | null;
  newPrice: number | null;
  changedBy: { id: number; name: string } | null;
  changedAt: string;
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
