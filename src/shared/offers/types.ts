/** Seed 000's offers (العروض): a customer's offer on a property, and the office's promotions. */

/** submitted → countered → accepted / rejected / withdrawn / expired. */
export const offerStatuses = ['submitted', 'countered', 'accepted', 'rejected', 'withdrawn', 'expired'] as const;
export type OfferStatus = (typeof offerStatuses)[number];

/** Still on the table: can be countered, accepted, rejected, withdrawn, and expires. */
export const openOfferStatuses = ['submitted', 'countered'] as const satisfies readonly OfferStatus[];

export function isOpenOffer(status: OfferStatus): boolean {
  return (openOfferStatuses as readonly OfferStatus[]).includes(status);
}

/** Who made a step: the customer (their offer, their counter) or the office (its counter, its answer). */
export const offerParties = ['customer', 'office'] as const;
export type OfferParty = (typeof offerParties)[number];

/** One step of an offer's history, oldest first. */
export interface OfferStepView {
  id: number;
  status: OfferStatus;
  /** Who made the step (an acceptance, rejection or expiry is the office's record; a withdrawal the customer's). */
  by: OfferParty;
  /** Halalas on the table after this step. */
  amount: number;
  terms: string | null;
  validUntil: string;
  userId: number | null;
  userName: string | null;
  createdAt: string;
}

export interface OfferView {
  id: number;
  conversationId: number;
  contactId: number;
  customerName: string | null;
  customerPhone: string | null;
  propertyId: number;
  propertyName: string;
  numberId: number;
  status: OfferStatus;
  /** The customer's first offer, in halalas. */
  firstAmount: number;
  /** What is on the table now (the latest offer or counter), in halalas. */
  amount: number;
  terms: string | null;
  /** The last office day (YYYY-MM-DD) the offer stands; it expires at the office's midnight after it. */
  validUntil: string;
  /** Whose answer the open offer waits for: the office after the customer's offer or counter, the customer after the office's counter. */
  awaiting: OfferParty | null;
  createdBy: number | null;
  createdByName: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface OfferDetail extends OfferView {
  history: OfferStepView[];
}

export interface OfferPage {
  data: OfferView[];
  /** Pass back as `before` for the next (older) page; null at the end. */
  nextCursor: number | null;
}

export interface PromotionView {
  id: number;
  name: string;
  detailsAr: string;
  detailsEn: string | null;
  /** Office days (YYYY-MM-DD), both included. */
  validFrom: string;
  validUntil: string;
  createdAt: string;
  updatedAt: string;
}
