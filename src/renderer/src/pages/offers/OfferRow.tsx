import type { OfferView } from '../../../../shared/offers/types';
import { openInInbox } from '../../stores/inbox-actions';
import { useT } from '../../i18n/use-t';
import { OfferActions } from './OfferActions';
import { OfferSummary } from './OfferSummary';

/** Every row is this tall: the list places rows by arithmetic, never by measuring. */
export const offerRowHeight = 104;

/** One offer on the Offers page: who, on what, where it stands, and its answers. */
export function OfferRow({ offer, canUndo, fixedHeight = false }: { offer: OfferView; canUndo: boolean; fixedHeight?: boolean }) {
  const t = useT();
  const who = offer.customerName ?? offer.customerPhone ?? '';
  return (
    <div className="offer-row" style={fixedHeight ? { blockSize: offerRowHeight } : undefined} data-testid={`offer-row-${offer.id}`} data-status={offer.status}>
      <div className="offer-row-head">
        <button type="button" className="link-button offer-customer" onClick={() => void openInInbox(offer.conversationId).catch(() => undefined)} aria-label={t('offers.openConversation', { name: who })}>
          <bdi>{who}</bdi>
        </button>
        <span className="offer-property">
          <bdi>{offer.propertyName}</bdi>
        </span>
        {offer.createdByName ? <span className="muted offer-logged-by">{t('offers.loggedBy', { name: offer.createdByName })}</span> : null}
      </div>
      <OfferSummary offer={offer} />
      <OfferActions offer={offer} canUndo={canUndo} />
    </div>
  );
}
