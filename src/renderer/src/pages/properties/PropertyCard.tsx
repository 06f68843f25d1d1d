import type { PropertyListItem } from '../../../../shared/properties/types';
import { Badge } from '../../components/Badge';
import { Icon } from '../../components/icons';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { branchName } from '../branches/use-branches';
import { formatArea, formatPrice, formatWhole, interestedCount, interestTotal, licenceState, listingLabel, statusLabel, statusTone, typeIcon, typeLabel } from './property-labels';
import { PropertyPhoto } from './PropertyPhoto';
import { PropertyOffersButton } from '../offers/PropertyOffersButton';

export interface PropertyActions {
  onEdit(property: PropertyListItem): void;
  onDelete(property: PropertyListItem): void;
}

/** What everyone may do with a property: see its price history, send its card to a conversation. */
export interface PropertyViews {
  onPriceHistory(property: PropertyListItem): void;
  onSendCard(property: PropertyListItem): void;
}

/** One property: its photo slot, name, status, where, price and size, who is interested, and (for managers) edit and delete. */
export function PropertyCard({ property, actions, views, onShowInterested }: { property: PropertyListItem; actions: PropertyActions | undefined; views: PropertyViews; onShowInterested(property: PropertyListItem): void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const interested = interestedCount(property.interestCounts);
  const total = interestTotal(property.interestCounts);
  const place = [property.district, property.city].filter(Boolean).join('، ') || property.location;
  const licence = licenceState(t, language, property);
  return (
    <article className="card property-card" data-testid="property-card" data-property-id={property.id} data-status={property.status}>
      <PropertyPhoto property={property} />
      <div className="property-card-body">
        <header className="property-card-head">
          <h2 className="property-name" data-testid="property-name">
            <bdi>{property.name}</bdi>
          </h2>
          <span data-testid="property-status">
            <Badge tone={statusTone[property.status]} dot>
              {statusLabel(t, property.status)}
            </Badge>
          </span>
        </header>
        {place ? (
          <p className="property-location muted" data-testid="property-location">
            <Icon name="pin" className="icon icon-small" />
            <span dir="auto">{place}</span>
          </p>
        ) : null}
        <p className={property.price === null ? 'property-price property-price-none' : 'property-price'} data-testid="property-price">
          {property.price === null ? t('properties.noPrice') : <bdi>{formatPrice(t, language, property.price, property)}</bdi>}
        </p>
        <p className="property-licence muted" data-testid="property-licence" data-valid={licence.valid}>
          {licence.text}
        </p>
        {property.branch ? (
          <p className="muted" data-testid="property-branch">
            {t('branches.picker')}: <bdi>{branchName(property.branch, language)}</bdi>
          </p>
        ) : null}
        <ul className="property-facts">
          <li data-testid="property-listing">{listingLabel(t, property.listing)}</li>
          <li data-testid="property-type">
            <Icon name={typeIcon[property.type]} className="icon icon-small" />
            {typeLabel(t, property.type)}
          </li>
          {property.bedrooms !== null ? (
            <li data-testid="property-bedrooms">
              <Icon name="bed" className="icon icon-small" />
              {t('properties.bedrooms', { count: formatWhole(language, property.bedrooms) })}
            </li>
          ) : null}
          {property.area !== null ? (
            <li data-testid="property-area">
              <Icon name="area" className="icon icon-small" />
              <bdi>{formatArea(t, language, property.area)}</bdi>
            </li>
          ) : null}
        </ul>
      </div>
      <footer className="property-card-foot">
        <button
          type="button"
          className="property-interest-link"
          onClick={() => onShowInterested(property)}
          disabled={total === 0}
          title={total > 0 ? t('properties.showInterested', { name: property.name }) : undefined}
          data-testid="property-interested"
          data-count={interested}
        >
          <Icon name="chat" className="icon icon-small" />
          {total > 0 ? t('properties.interested', { count: formatWhole(language, interested) }) : t('properties.noInterest')}
          {property.interestCounts.not_interested > 0 ? (
            <span className="property-not-interested">
              <span aria-hidden="true">· </span>
              {t('properties.notInterested', { count: formatWhole(language, property.interestCounts.not_interested) })}
            </span>
          ) : null}
        </button>
        <PropertyOffersButton property={property} />
        <span className="property-card-actions">
          <button type="button" className="button button-ghost button-small" onClick={() => views.onPriceHistory(property)} data-testid="property-price-history">
            {t('properties.priceHistory')}
          </button>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={() => views.onSendCard(property)}
            aria-label={t('properties.sendCardNamed', { name: property.name })}
            data-testid="property-send-card"
          >
            <Icon name="chat" className="icon icon-small" />
            {t('properties.sendCard')}
          </button>
        </span>
        {actions ? (
          <span className="property-card-actions">
            {/* Icons only: a card is narrow; the names are read out and shown on hover. */}
            <button
              type="button"
              className="button button-ghost button-small property-card-action"
              onClick={() => actions.onEdit(property)}
              aria-label={t('properties.editNamed', { name: property.name })}
              title={t('properties.edit')}
              data-testid="property-edit"
            >
              <Icon name="edit" />
            </button>
            <button
              type="button"
              className="button button-danger-ghost button-small property-card-action"
              onClick={() => actions.onDelete(property)}
              aria-label={t('properties.deleteNamed', { name: property.name })}
              title={t('properties.delete')}
              data-testid="property-delete"
            >
              <Icon name="trash" />
            </button>
          </span>
        ) : null}
      </footer>
    </article>
  );
}
