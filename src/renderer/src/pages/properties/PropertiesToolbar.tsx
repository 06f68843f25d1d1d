import { propertyListings, propertySorts, propertyStatuses, propertyTypes, type PropertyListing, type PropertySort, type PropertyStatus, type PropertyType } from '../../../../shared/properties/types';
import { useLanguageStore } from '../../i18n/language-store';
import { branchName, useBranches } from '../branches/use-branches';
import { SearchField } from '../../components/SearchField';
import { SelectField } from '../../components/SelectField';
import { useT } from '../../i18n/use-t';
import { listingLabel, statusLabel, typeLabel } from './property-labels';

export interface PropertyFilters {
  search: string;
  type: PropertyType | '';
  status: PropertyStatus | '';
  listing: PropertyListing | '';
  /** A branch id as text ('' for all). */
  branch: string;
  city: string;
  sort: PropertySort;
}

export const noFilters: PropertyFilters = { search: '', type: '', status: '', listing: '', branch: '', city: '', sort: 'newest' };

/** Search by name or location, type and status filters, and the order. */
export function PropertiesToolbar({ filters, onChange, cities }: { filters: PropertyFilters; onChange(filters: PropertyFilters): void; cities: readonly string[] }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const branches = useBranches();
  const set =
    <K extends keyof PropertyFilters>(key: K) =>
    (value: PropertyFilters[K]) =>
      onChange({ ...filters, [key]: value });
  const typeOptions: { value: PropertyType | ''; label: string }[] = [{ value: '', label: t('properties.allTypes') }, ...propertyTypes.map((type) => ({ value: type, label: typeLabel(t, type) }))];
  const statusOptions: { value: PropertyStatus | ''; label: string }[] = [
    { value: '', label: t('properties.allStatuses') },
    ...propertyStatuses.map((status) => ({ value: status, label: statusLabel(t, status) })),
  ];
  const listingOptions: { value: PropertyListing | ''; label: string }[] = [{ value: '', label: t('properties.allListings') }, ...propertyListings.map((l) => ({ value: l, label: listingLabel(t, l) }))];
  const branchOptions = [{ value: '', label: t('branches.allBranches') }, ...(branches.data ?? []).map((b) => ({ value: String(b.id), label: branchName(b, language) }))];
  const cityOptions = [{ value: '', label: t('properties.allCities') }, ...[...new Set([...cities, ...(filters.city ? [filters.city] : [])])].sort().map((c) => ({ value: c, label: c }))];
  const sortOptions = propertySorts.map((sort) => ({ value: sort, label: t(`properties.sort.${sort}`) }));
  return (
    <div className="properties-toolbar" role="search">
      <SearchField label={t('properties.search')} placeholder={t('properties.searchPlaceholder')} value={filters.search} onChange={set('search')} testId="properties-search" />
      <SelectField<PropertyType | ''> name="type" label={t('properties.filterType')} hideLabel value={filters.type} options={typeOptions} onChange={set('type')} testId="properties-type-filter" />
      <SelectField<PropertyStatus | ''> name="status" label={t('properties.filterStatus')} hideLabel value={filters.status} options={statusOptions} onChange={set('status')} testId="properties-status-filter" />
      <SelectField<PropertyListing | ''> name="listing" label={t('properties.filterListing')} hideLabel value={filters.listing} options={listingOptions} onChange={set('listing')} testId="properties-listing-filter" />
      <SelectField<string> name="branch" label={t('branches.filter')} hideLabel value={filters.branch} options={branchOptions} onChange={set('branch')} testId="properties-branch-filter" />
      <SelectField<string> name="city" label={t('properties.filterCity')} hideLabel value={filters.city} options={cityOptions} onChange={set('city')} testId="properties-city-filter" />
      <SelectField<PropertySort> name="sort" label={t('properties.sort')} hideLabel value={filters.sort} options={sortOptions} onChange={set('sort')} testId="properties-sort" />
    </div>
  );
}
