import { useEffect, useState } from 'react';
import { Icon } from '../../components/icons';
import { SearchField } from '../../components/SearchField';
import { SelectField } from '../../components/SelectField';
import { usePlural } from '../../i18n/use-plural';
import { useT } from '../../i18n/use-t';
import { useContactsStore } from '../../stores/contacts-store';

/** Typing settles before the list is asked again. */
const searchDelayMs = 250;

/** Search, tag and "due today" above the list; each change reloads the first page. */
export function ContactsToolbar() {
  const t = useT();
  const counted = usePlural();
  const filters = useContactsStore((state) => state.filters);
  const tags = useContactsStore((state) => state.tags);
  const total = useContactsStore((state) => state.total);
  const loaded = useContactsStore((state) => state.items !== null);
  const setFilters = useContactsStore((state) => state.setFilters);
  const [search, setSearch] = useState(filters.search);

  useEffect(() => {
    if (search === useContactsStore.getState().filters.search) return;
    const timer = setTimeout(() => setFilters({ search }), searchDelayMs);
    return () => clearTimeout(timer);
  }, [search, setFilters]);

  const tagOptions = [
    { value: '', label: t('contacts.allTags') },
    // The chosen tag stays offered even when its last contact just lost it.
    ...(filters.tag && !tags.some((x) => x.tag === filters.tag) ? [{ value: filters.tag, label: filters.tag }] : []),
    ...tags.map(({ tag, count }) => ({ value: tag, label: `${tag} (${count})` })),
  ];

  return (
    <div className="contacts-toolbar">
      <SearchField label={t('contacts.searchLabel')} placeholder={t('contacts.search')} value={search} onChange={setSearch} testId="contacts-search" />
      <div className="contacts-filters">
        <SelectField
          name="tag"
          label={t('contacts.tagFilter')}
          hideLabel
          value={filters.tag ?? ''}
          options={tagOptions}
          onChange={(value) => setFilters({ tag: value || null })}
          testId="contacts-tag-filter"
        />
        <button
          type="button"
          className={filters.dueToday ? 'button button-secondary toggle-button is-on' : 'button button-secondary toggle-button'}
          aria-pressed={filters.dueToday}
          onClick={() => setFilters({ dueToday: !filters.dueToday })}
          data-testid="contacts-due-today"
        >
          <Icon name="clock" />
          {t('contacts.dueToday')}
        </button>
      </div>
      {loaded ? (
        <p className="contacts-count muted" aria-live="polite" data-testid="contacts-count">
          {counted('contacts.count', total)}
        </p>
      ) : null}
    </div>
  );
}
