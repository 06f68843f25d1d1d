import { z } from 'zod';
import { entityId } from '../fields';

export const activityListInput = z
  .object({ limit: z.number().int().min(1).max(200).default(50), beforeId: entityId.optional() })
  .strict();
