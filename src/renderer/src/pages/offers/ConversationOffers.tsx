import { useEffect, useState } from 'react';
import type { PropertyInterestView } from '../../../../shared/properties/types';
import { call, onEvent } from '../../api/client';
import { Alert } from '../../components/Alert';
import { useT } from '../../i18n/use-t';
import { useSessionStore } from '../../stores/session-store';
import { canUndoAcceptance } from '../shell/access';
import { LogOfferDialog } from './LogOfferDialog';
import { OfferActions } from './OfferActions';
import { OfferSummary } from './OfferSummary';
import { useOffers } from './use-offers';

/** The side panel's offers: this conversation's, with their answers, and "log offer" on a property of interest. */
export function ConversationOffers({ conversationId }: { conversationId: number }) {
  const t = useT();
  const role = useSessionStore((state) => state.user?.role ?? 'agent');
  const { offers, error } = useOffers({ conversationId });
  const [interests, setInterests] = useState<PropertyInterestView[]>([]);
  const [logging, setLogging] = useState(false);

  // The properties an offer can be logged on: the ones the customer is interested in, kept fresh.
  useEffect(() => {
    let live = true;
    const load = () =>
      call('conversations.interests', { conversationId }).then(
        (value) => live && setInterests(value),
        () => undefined,
      );
    void load();
    const off = onEvent('interests.changed', (data) => data.conversationId === conversationId && void load());
    return () => {
      live = false;
      off();
    };
  }, [conversationId]);

  const offerable = interests.filter((i) => i.status !== 'not_interested');
  return (
    <section className="conversation-offers" aria-labelledby={`offers-title-${conversationId}`} data-testid="conversation-offers">
      <div className="conversation-offers-head">
        <h3 className="property-interests-title" id={`offers-title-${conversationId}`}>
          {t('offers.panelTitle')}
        </h3>
        <button type="button" className="button button-small button-secondary" disabled={offerable.length === 0} onClick={() => setLogging(true)} data-testid="offer-log">
          {t('offers.log')}
        </button>
      </div>
      {error ? (
        <Alert tone="error" testId="conversation-offers-error">
          {t('offers.loadFailed')}
        </Alert>
      ) : null}
      {offerable.length === 0 ? <p className="property-interests-empty">{t('offers.noInterests')}</p> : null}
      {offers && offers.length === 0 && offerable.length > 0 ? <p className="property-interests-empty">{t('offers.panelEmpty')}</p> : null}
      {offers && offers.length > 0 ? (
        <ul className="conversation-offers-list">
          {offers.map((offer) => (
            <li key={offer.id} className="conversation-offer" data-testid={`conversation-offer-${offer.id}`}>
              <span className="property-interest-name">
                <bdi>{offer.propertyName}</bdi>
              </span>
              <OfferSummary offer={offer} />
              <OfferActions offer={offer} canUndo={canUndoAcceptance(role)} />
            </li>
          ))}
        </ul>
      ) : null}
      {logging ? <LogOfferDialog conversationId={conversationId} interests={offerable} onClose={() => setLogging(false)} /> : null}
    </section>
  );
}
