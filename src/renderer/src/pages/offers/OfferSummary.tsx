import type { OfferView } from '../../../../shared/offers/types';
import { Badge } from '../../components/Badge';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { money, officeDayText, offerStatusTone } from './offer-format';

/** What an offer row says: status, amount on the table, first amount when it moved, last day, whose answer it waits for. */
export function OfferSummary({ offer }: { offer: OfferView }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  return (
    <span className="offer-summary">
      <span data-testid={`offer-status-${offer.id}`} data-status={offer.status}>
        <Badge tone={offerStatusTone[offer.status]} dot>
          {t(`offers.status.${offer.status}`)}
        </Badge>
      </span>
      <bdi className="offer-amount" data-testid={`offer-amount-${offer.id}`}>
        {money(offer.amount, language)}
      </bdi>
      {offer.firstAmount !== offer.amount ? <span className="muted">{t('offers.firstAmount', { amount: money(offer.firstAmount, language) })}</span> : null}
      {offer.awaiting ? <span className="muted">{t(`offers.awaiting.${offer.awaiting}`)}</span> : null}
      <span className="muted">{t('offers.validUntil', { date: officeDayText(offer.validUntil, language) })}</span>
    </span>
  );
}
