/** Seed 003's properties catalogue and a conversation's interests in its properties. */
import type { PropertyInterestStatus } from './domain';

export const propertyTypes = ['apartment', 'villa', 'land', 'office', 'shop', 'building'] as const;
export type PropertyType = (typeof propertyTypes)[number];

export const propertyStatuses = ['available', 'reserved', 'sold', 'rented'] as const;
export type PropertyStatus = (typeof propertyStatuses)[number];

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

export interface PropertyInterestView {
  conversationId: number;
  status: PropertyInterestStatus;
  property: PropertyView;
  createdAt: string;
  updatedAt: string;
}
