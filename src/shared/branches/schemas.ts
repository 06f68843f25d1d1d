import { z } from 'zod';
import { entityId } from '../fields';

/** Issue 14's branch inputs. The phone is checked and put in E.164 by the core (Saudi unless a country code is typed). */

const branchName = z.string().trim().min(2).max(100);
const optionalText = (max: number) => z.string().trim().max(max).nullable().optional();
const branchPhone = z.string().trim().max(25).nullable().optional();

export const branchFields = z.object({
  name: branchName,
  nameEn: optionalText(100),
  city: optionalText(100),
  address: optionalText(300),
  phone: branchPhone,
  managerId: entityId.nullable().optional(),
});

export const createBranchInput = branchFields.strict();

export const updateBranchInput = branchFields.partial().extend({ id: entityId }).strict();

/** Everyone lists the active branches (pickers); archived ones only for admins. */
export const branchListInput = z.object({ includeArchived: z.boolean().default(false) }).strict();

export const archiveBranchInput = z.object({ id: entityId, archived: z.boolean() }).strict();

export const branchIdInput = z.object({ id: entityId }).strict();
