import { z } from 'zod';
import { entityId } from '../../../../shared/fields';
import { counterOfferInput, createOfferInput, undoAcceptanceInput } from '../../../../shared/offers/schemas';

/** The contract's own schemas, shaped for the dialogs: the property comes from a select (text), the ids from the page. */
export const logOfferForm = createOfferInput.omit({ conversationId: true }).extend({ propertyId: z.string().min(1).transform(Number).pipe(entityId) });
export const counterOfferForm = counterOfferInput.omit({ id: true });
export const undoAcceptanceForm = undoAcceptanceInput.omit({ id: true });

