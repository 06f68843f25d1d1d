import { propertySorts, propertyStatuses, propertyTypes, type PropertySort, type PropertyStatus, type PropertyType } from '../../../../shared/properties/types';
import { SearchField } from '../../components/SearchField';
import { SelectField } from '../../components/SelectField';
import { useT } from '../../i18n/use-t';
import { statusLabel, typeLabel } from './property-labels';

export interface PropertyFilters {
  search: string;
  type: PropertyType | '';
  status: PropertyStatus | '';
  sort: PropertySort;
}

export const noFilters: PropertyFilters = { search: '', type: '', status: '', sort: 'newest' };

/** Search by name or location, type and status filters, and the order. */
export function PropertiesToolbar({ filters, onChange }: { filters: PropertyFilters; onChange(filters: PropertyFilters): void }) {
  const t = useT();
  const set =
    <K extends keyof PropertyFilters>(key: K) =>
    (value: PropertyFilters[K]) =>
      onChange({ ...filters, [key]: value });
  const typeOptions: { value: PropertyType | ''; label: string }[] = [{ value: '', label: t('properties.allTypes') }, ...propertyTypes.map((type) => ({ value: type, label: typeLabel(t, type) }))];
  const statusOptions: { value: PropertyStatus | ''; label: string }[] = [
    { value: '', label: t('properties.allStatuses') },
    ...propertyStatuses.map((status) => ({ value: status, label: statusLabel(t, status) })),
  ];
  const sortOptions = propertySorts.map((sort) => ({ value: sort, label: t(`properties.sort.${sort}`) }));
  return (
    <div className="properties-toolbar" role="search">
      <SearchField label={t('properties.search')} placeholder={t('properties.searchPlaceholder')} value={filters.search} onChange={set('search')} testId="properties-search" />
      <SelectField<PropertyType | ''> name="type" label={t('properties.filterType')} hideLabel value={filters.type} options={typeOptions} onChange={set('type')} testId="properties-type-filter" />
      <SelectField<PropertyStatus | ''> name="status" label={t('properties.filterStatus')} hideLabel value={filters.status} options={statusOptions} onChange={set('status')} testId="properties-status-filter" />
      <SelectField<PropertySort> name="sort" label={t('properties.sort')} hideLabel value={filters.sort} options={sortOptions} onChange={set('sort')} testId="properties-sort" />
    </div>
  );
}
