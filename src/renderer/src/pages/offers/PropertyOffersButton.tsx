import { useState } from 'react';
import type { PropertyView } from '../../../../shared/properties/types';
import { Dialog } from '../../components/Dialog';
import { Icon } from '../../components/icons';
import { isolate } from '../../i18n/labels';
import { useT } from '../../i18n/use-t';
import { useSessionStore } from '../../stores/session-store';
import { canUndoAcceptance } from '../shell/access';
import { OfferRow } from './OfferRow';
import { useOffers } from './use-offers';

/** On a property card: its offers (on the numbers this user works), with their answers. */
export function PropertyOffersButton({ property }: { property: PropertyView }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button-ghost button-small property-card-action"
        onClick={() => setOpen(true)}
        aria-label={t('offers.propertyOffersNamed', { name: property.name })}
        title={t('offers.propertyOffers')}
        data-testid="property-offers"
      >
        <Icon name="offer" />
      </button>
      {open ? <PropertyOffersDialog property={property} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/** A property has a handful of offers at most, so they are listed whole (the Offers page pages through all). */
function PropertyOffersDialog({ property, onClose }: { property: PropertyView; onClose(): void }) {
  const t = useT();
  const role = useSessionStore((state) => state.user?.role ?? 'agent');
  const { offers } = useOffers({ propertyId: property.id });
  return (
    <Dialog title={t('offers.propertyOffersTitle', { name: isolate(property.name) })} onClose={onClose} size="large" testId="property-offers-dialog">
      <div className="dialog-body">
        {offers === null ? <p className="muted">{t('app.loading')}</p> : null}
        {offers?.length === 0 ? <p className="muted">{t('offers.panelEmpty')}</p> : null}
        {offers && offers.length > 0 ? (
          <ul className="property-offers-list">
            {offers.map((offer) => (
              <li key={offer.id}>
                <OfferRow offer={offer} canUndo={canUndoAcceptance(role)} />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
      <div className="dialog-footer">
        <button type="button" className="button button-secondary" onClick={onClose} data-testid="property-offers-close">
          {t('common.close')}
        </button>
      </div>
    </Dialog>
  );
}
