import { channel, managers } from '../contract-kit';
import { empty } from '../fields';
import * as s from './schemas';
import type { OfferDetail, OfferPage, PromotionView } from './types';

/**
 * Customers' offers on properties, logged and answered from the conversation (agents on the
 * numbers they work, managers on all), and the office's promotions.
 */
export const offersChannels = {
  /** Newest first, in pages; only offers on conversations of numbers the caller works. */
  'offers.list': channel<OfferPage>()({ input: s.offerListInput, access: 'user', kind: 'read' }),
  /** With its history; NOT_FOUND outside the caller's numbers. */
  'offers.get': channel<OfferDetail>()({ input: s.offerIdInput, access: 'user', kind: 'read' }),
  /** Logs the customer's offer; their interest in the property becomes `offer_made`. */
  'offers.create': channel<OfferDetail>()({ input: s.createOfferInput, access: 'user', kind: 'write' }),
  'offers.counter': channel<OfferDetail>()({ input: s.counterOfferInput, access: 'user', kind: 'write' }),
  /** One accepted offer per property (CONFLICT names it); accepting reserves the property. */
  'offers.accept': channel<OfferDetail>()({ input: s.offerIdInput, access: 'user', kind: 'write' }),
  'offers.reject': channel<OfferDetail>()({ input: s.offerIdInput, access: 'user', kind: 'write' }),
  'offers.withdraw': channel<OfferDetail>()({ input: s.offerIdInput, access: 'user', kind: 'write' }),
  /** Takes back an acceptance (rejected or withdrawn after all): the property is available again. */
  'offers.undoAcceptance': channel<OfferDetail>()({ input: s.undoAcceptanceInput, access: managers, kind: 'write' }),
  /** Office-wide texts, read by everyone (they hold no customer). */
  'promotions.list': channel<PromotionView[]>()({ input: empty, access: 'user', kind: 'read' }),
  /** The promotion valid on the office's today (the latest to start), if any. */
  'promotions.current': channel<{ promotion: PromotionView | null }>()({ input: empty, access: 'user', kind: 'read' }),
  'promotions.create': channel<PromotionView>()({ input: s.createPromotionInput, access: managers, kind: 'write' }),
  'promotions.update': channel<PromotionView>()({ input: s.updatePromotionInput, access: managers, kind: 'write' }),
  'promotions.delete': channel<{ ok: true }>()({ input: s.promotionIdInput, access: managers, kind: 'write' }),
} as const;

export interface OffersEvents {
  /** An offer was logged or changed (answered, countered, expired): open offer lists and panels refresh. */
  'offers.changed': { offerId: number; conversationId: number; propertyId: number };
  /**
   * An offer waits for the office's answer: the customer made it or countered. For notifications;
   * it reaches those who work the conversation's number.
   */
  'offers.needsAnswer': { offerId: number; conversationId: number; propertyId: number; numberId: number; amount: number };
  'promotions.changed': { promotionId: number };
}
