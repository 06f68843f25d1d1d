import { z } from 'zod';
import { propertyInterestStatuses } from '../domain';
import { latinDigits, optionalMoneyInput } from '../money';
import { propertyListings, propertySorts, propertyStatuses, propertyTypes, rentPeriods } from './types';
import { clientMessageId, entityId } from '../fields';

/** Seed 003's properties inputs, with issue 14's full record. Prices are money (halalas); areas and bedrooms whole numbers. */

const propertyName = z.string().trim().min(1).max(200);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const location = optionalText(200);
const wholeNumber = z.number().int().min(0).max(1_000_000_000_000).nullable().optional();
/** REGA advertising-licence numbers are digits; Arabic-Indic digits are read as Latin. */
const licenceNumber = z
  .string()
  .trim()
  .max(30)
  .transform((text) => latinDigits(text))
  .pipe(z.string().regex(/^(\d{4,20})?$/))
  .nullable()
  .optional();
/** The licence's last valid day, on the office's calendar. */
const licenceExpiry = z.iso.date().nullable().optional();

export const propertyListInput = z
  .object({
    search: z.string().trim().max(100).optional(),
    type: z.enum(propertyTypes).optional(),
    status: z.enum(propertyStatuses).optional(),
    listing: z.enum(propertyListings).optional(),
    branchId: entityId.optional(),
    city: z.string().trim().max(100).optional(),
    /** By name unless asked; prices missing go last either way. */
    sort: z.enum(propertySorts).default('name'),
  })
  .strict();

/** Every field of the record; create requires name and type, update any subset. */
const recordFields = {
  location,
  price: optionalMoneyInput.optional(),
  bedrooms: wholeNumber,
  area: wholeNumber,
  listing: z.enum(propertyListings).optional(),
  rentPeriod: z.enum(rentPeriods).nullable().optional(),
  city: optionalText(100),
  district: optionalText(100),
  branchId: entityId.nullable().optional(),
  ownerContactId: entityId.nullable().optional(),
  adLicenceNumber: licenceNumber,
  adLicenceExpiry: licenceExpiry,
  descriptionAr: optionalText(2000),
  descriptionEn: optionalText(2000),
};

export const createPropertyInput = z
  .object({ name: propertyName, type: z.enum(propertyTypes), status: z.enum(propertyStatuses).default('available'), ...recordFields })
  .strict();

export const updatePropertyInput = z
  .object({ id: entityId, name: propertyName.optional(), type: z.enum(propertyTypes).optional(), status: z.enum(propertyStatuses).optional(), ...recordFields })
  .strict();

export const propertyIdInput = z.object({ id: entityId }).strict();

export const conversationInterestsInput = z.object({ conversationId: entityId }).strict();

export const setInterestInput = z
  .object({ conversationId: entityId, propertyId: entityId, status: z.enum(propertyInterestStatuses).default('interested') })
  .strict();

export const removeInterestInput = z.object({ conversationId: entityId, propertyId: entityId }).strict();

/**
 * A property card into a conversation: its first photo with the caption in the chosen language.
 * `clientId` is made when the button is pressed: a double click or a retry sends one card.
 */
export const sendPropertyCardInput = z
  .object({ conversationId: entityId, propertyId: entityId, language: z.enum(['ar', 'en']), clientId: clientMessageId })
  .strict();

/** A photo of a property is a file in the media store, named by its content's SHA-256. */
const photoName = z.string().regex(/^[0-9a-f]{64}$/);

/** A finished upload (an image) becomes one of the property's photos. */
export const addPropertyPhotoInput = z.object({ id: entityId, uploadId: z.uuid() }).strict();
export const removePropertyPhotoInput = z.object({ id: entityId, photo: photoName }).strict();
/** A piece of one of the property's photos, from `offset`. */
export const readPropertyPhotoInput = z.object({ id: entityId, photo: photoName, offset: z.number().int().min(0).default(0) }).strict();
