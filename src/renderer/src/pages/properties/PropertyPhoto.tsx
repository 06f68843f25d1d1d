import type { PropertyView } from '../../../../shared/properties/types';
import { Icon } from '../../components/icons';
import { useT } from '../../i18n/use-t';
import { typeIcon, typeLabel } from './property-labels';
import { usePhotoUrl } from './use-photo-url';

/** The property's first photo, with how many there are; without photos, the type's icon on a tint. */
export function PropertyPhoto({ property, className = '' }: { property: Pick<PropertyView, 'id' | 'type' | 'photos'>; className?: string }) {
  const t = useT();
  const first = property.photos[0] ?? null;
  const url = usePhotoUrl(first ? property.id : null, first);
  return (
    <div
      className={`property-photo property-photo-${property.type} ${className}`}
      role="img"
      aria-label={property.photos.length > 0 ? typeLabel(t, property.type) : `${typeLabel(t, property.type)} — ${t('properties.noPhoto')}`}
      data-testid="property-photo"
      data-photo-count={property.photos.length}
    >
      {url ? <img src={url} alt="" className="property-photo-image" data-testid="property-photo-image" /> : <Icon name={typeIcon[property.type]} className="icon property-photo-icon" />}
      {property.photos.length > 1 ? <span className="property-photo-count">{t('properties.photoCount', { count: property.photos.length })}</span> : null}
    </div>
  );
}
