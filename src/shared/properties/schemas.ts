import { z } from 'zod';
import { propertyInterestStatuses } from '../domain';
import { propertySorts, propertyStatuses, propertyTypes } from './types';
import { entityId } from '../fields';

/** Seed 003's properties inputs: prices, areas and bedrooms are whole, non-negative numbers. */

const propertyName = z.string().trim().min(1).max(200);
const location = z.string().trim().max(200).nullable().optional();
/** Up to a trillion riyals: within SQLite's and JavaScript's safe integers. */
const wholeNumber = z.number().int().min(0).max(1_000_000_000_000).nullable().optional();

export const propertyListInput = z
  .object({
    search: z.string().trim().max(100).optional(),
    type: z.enum(propertyTypes).optional(),
    status: z.enum(propertyStatuses).optional(),
    /** By name unless asked; prices missing go last either way. */
    sort: z.enum(propertySorts).default('name'),
  })
  .strict();

export const createPropertyInput = z
  .object({
    name: propertyName,
    type: z.enum(propertyTypes),
    location,
    price: wholeNumber,
    bedrooms: wholeNumber,
    area: wholeNumber,
    status: z.enum(propertyStatuses).default('available'),
  })
  .strict();

export const updatePropertyInput = z
  .object({
    id: entityId,
    name: propertyName.optional(),
    type: z.enum(propertyTypes).optional(),
    location,
    price: wholeNumber,
    bedrooms: wholeNumber,
    area: wholeNumber,
    status: z.enum(propertyStatuses).optional(),
  })
  .strict();

export const propertyIdInput = z.object({ id: entityId }).strict();

export const conversationInterestsInput = z.object({ conversationId: entityId }).strict();

export const setInterestInput = z
  .object({ conversationId: entityId, propertyId: entityId, status: z.enum(propertyInterestStatuses).default('interested') })
  .strict();

export const removeInterestInput = z.object({ conversationId: entityId, propertyId: entityId }).strict();

/** A photo of a property is a file in the media store, named by its content's SHA-256. */
const photoName = z.string().regex(/^[0-9a-f]{64}$/);

/** A finished upload (an image) becomes one of the property's photos. */
export const addPropertyPhotoInput = z.object({ id: entityId, uploadId: z.uuid() }).strict();
export const removePropertyPhotoInput = z.object({ id: entityId, photo: photoName }).strict();
/** A piece of one of the property's photos, from `offset`. */
export const readPropertyPhotoInput = z.object({ id: entityId, photo: photoName, offset: z.number().int().min(0).default(0) }).strict();
