import type { PropertyView } from '../../../../shared/property-types';
import { Icon } from '../../components/icons';
import { useT } from '../../i18n/use-t';
import { typeIcon, typeLabel } from './property-labels';

/**
 * The property's photo slot, in its card and its form. Photos (content-hash file names in the
 * media folder) will show here once media upload lands; until then, the type's icon on a tint.
 */
export function PropertyPhoto({ property, className = '' }: { property: Pick<PropertyView, 'type' | 'photos'>; className?: string }) {
  const t = useT();
  return (
    <div
      className={`property-photo property-photo-${property.type} ${className}`}
      role="img"
      aria-label={property.photos.length > 0 ? typeLabel(t, property.type) : `${typeLabel(t, property.type)} — ${t('properties.noPhoto')}`}
      data-testid="property-photo"
      data-photo-count={property.photos.length}
    >
      <Icon name={typeIcon[property.type]} className="icon property-photo-icon" />
      {property.photos.length > 0 ? <span className="property-photo-count">{t('properties.photoCount', { count: property.photos.length })}</span> : null}
    </div>
  );
}
