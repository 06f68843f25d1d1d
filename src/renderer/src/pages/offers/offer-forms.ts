import { z } from 'zod';
import type { FormTextField } from '../../forms/FormFields';
import { entityId } from '../../../../shared/fields';
import { counterOfferInput, createOfferInput, undoAcceptanceInput } from '../../../../shared/offers/schemas';

/** The contract's own schemas, shaped for the dialogs: the property comes from a select (text), the ids from the page. */
export const logOfferForm = createOfferInput.omit({ conversationId: true }).extend({ propertyId: z.string().min(1).transform(Number).pipe(entityId) });
export const counterOfferForm = counterOfferInput.omit({ id: true });
export const undoAcceptanceForm = undoAcceptanceInput.omit({ id: true });

/**
 * A contract form as the bound fields take it: a form's own value type is not assignable to
 * react-hook-form's generic one (branches-props loosens the fields' type; until that lands, one cast here).
 */
export const bound = (form: unknown) => form as Parameters<typeof FormTextField>[0]['form'];
