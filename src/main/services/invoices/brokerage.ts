import type Database from 'better-sqlite3';
import type { BrokerageBasis, BrokeragePrefill } from '../../../shared/invoices/types';
import { shareOf } from '../../../shared/invoices/vat';
import type { OfferDetail } from '../../../shared/offers/types';

/** The customary brokerage commission: 2.5% (250 basis points), editable on the line. */
export const brokerageRateBasisPoints = 250;

/**
 * The brokerage helper: the commission line for an offer, from its amount — 2.5% of a sale
 * price, or of the first year's rent (a monthly rent × 12). Only a suggestion: the editor
 * shows it in the line, where it can be changed before the draft is saved.
 */
export function brokeragePrefill(sqlite: Database.Database, offer: OfferDetail, basis: BrokerageBasis | undefined): BrokeragePrefill {
  const property = sqlite.prepare<[number], { listing: string; rent_period: string | null }>('select listing, rent_period from properties where id = ?').get(offer.propertyId);
  const chosen: BrokerageBasis = basis ?? (property?.listing === 'rent' ? 'rent' : 'sale');
  const baseAmount = chosen === 'rent' && property?.rent_period === 'monthly' ? offer.amount * 12 : offer.amount;
  const commission = shareOf(baseAmount, brokerageRateBasisPoints);
  const [ar, en] =
    chosen === 'rent'
      ? [`عمولة وساطة عقارية — ${offer.propertyName} (2.5٪ من إيجار السنة الأولى)`, `Real-estate brokerage commission — ${offer.propertyName} (2.5% of the first year's rent)`]
      : [`عمولة وساطة عقارية — ${offer.propertyName} (2.5٪ من سعر البيع)`, `Real-estate brokerage commission — ${offer.propertyName} (2.5% of the sale price)`];
  return {
    offerId: offer.id,
    contactId: offer.contactId,
    buyerName: offer.customerName ?? offer.customerPhone ?? '',
    basis: chosen,
    baseAmount,
    rateBasisPoints: brokerageRateBasisPoints,
    line: { descriptionAr: ar, descriptionEn: en, quantity: '1', unitPrice: commission, vatCategory: 'standard' },
  };
}
