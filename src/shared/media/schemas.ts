import { z } from 'zod';
import { entityId } from '../fields';

/** Files in pieces over the contract (uploads), and back out of the media store (reads). */

/** `size` is checked against seed 003's limits by the service, so an oversize file gets its own message. */
export const uploadStartInput = z
  .object({
    name: z.string().trim().min(1).max(255),
    mimeType: z.string().trim().min(3).max(150),
    size: z.number().int().positive().max(2 ** 40),
  })
  .strict();

/** One piece, base64 (at most 2 MB of bytes), starting at `offset`. */
export const uploadChunkInput = z
  .object({
    uploadId: z.uuid(),
    offset: z.number().int().min(0),
    data: z.string().max(2_796_204).regex(/^[A-Za-z0-9+/]*={0,2}$/),
  })
  .strict();

export const uploadIdInput = z.object({ uploadId: z.uuid() }).strict();

/** A message's file, read a piece at a time from `offset`. */
export const mediaReadInput = z.object({ attachmentId: entityId, offset: z.number().int().min(0).default(0) }).strict();
