import { useMemo, useState } from 'react';
import type { PropertyListItem, PropertyView } from '../../../../shared/properties/types';
import type { PublicUser } from '../../../../shared/users/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Icon } from '../../components/icons';
import { PageHeader } from '../../components/PageHeader';
import { useDebounced } from '../../hooks/use-debounced';
import { useSubmit } from '../../hooks/use-submit';
import { isolate } from '../../i18n/labels';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { canManageProperties } from '../shell/access';
import { InterestedConversationsDialog } from './InterestedConversationsDialog';
import { PropertiesToolbar, noFilters, type PropertyFilters } from './PropertiesToolbar';
import { describePropertyError } from './property-errors';
import { formatWhole, interestTotal } from './property-labels';
import { PropertyCard, type PropertyActions, type PropertyViews } from './PropertyCard';
import { PriceHistoryDialog } from './PriceHistoryDialog';
import { SendCardDialog } from './SendCardDialog';
import { PropertyFormDialog } from './PropertyFormDialog';
import { useProperties } from './use-properties';

type Open =
  | { kind: 'create' }
  | { kind: 'edit'; property: PropertyView }
  | { kind: 'delete'; property: PropertyListItem }
  | { kind: 'interested'; property: PropertyListItem }
  | { kind: 'history'; property: PropertyListItem }
  | { kind: 'card'; property: PropertyListItem }
  | null;

/** Kept as a key, not a text, so switching the language re-translates it. */
interface Notice {
  key: 'properties.created' | 'properties.saved' | 'properties.deleted';
  name: string;
}

const noFields: readonly string[] = [];

/** #/properties: the office's catalogue. Everyone reads it; admins and supervisors add, edit and delete. */
export function PropertiesPage({ user }: { user: PublicUser }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const manage = canManageProperties(user.role);
  const [filters, setFilters] = useState<PropertyFilters>(noFilters);
  const search = useDebounced(filters.search.trim(), 200);
  const filtered = search !== '' || filters.type !== '' || filters.status !== '' || filters.listing !== '' || filters.branch !== '' || filters.city !== '';
  const properties = useProperties({
    sort: filters.sort,
    ...(search ? { search } : {}),
    ...(filters.type ? { type: filters.type } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.listing ? { listing: filters.listing } : {}),
    ...(filters.branch ? { branchId: Number(filters.branch) } : {}),
    ...(filters.city ? { city: filters.city } : {}),
  });
  const cities = useMemo(() => [...new Set((properties.data ?? []).map((p) => p.city).filter((c): c is string => Boolean(c)))], [properties.data]);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const removal = useSubmit(noFields);
  const removalError = useMemo(() => describePropertyError(t, removal.error).formMessage, [t, removal.error]);
  const close = () => setOpen(null);

  async function remove(property: PropertyListItem) {
    const ok = await removal.run(() => call('properties.delete', { id: property.id }));
    if (!ok) {
      properties.reload();
      return;
    }
    close();
    setNotice({ key: 'properties.deleted', name: property.name });
    properties.reload();
  }

  const actions: PropertyActions | undefined = manage
    ? {
        onEdit: (property) => setOpen({ kind: 'edit', property }),
        onDelete: (property) => {
          removal.reset();
          setOpen({ kind: 'delete', property });
        },
      }
    : undefined;
  const views: PropertyViews = { onPriceHistory: (property) => setOpen({ kind: 'history', property }), onSendCard: (property) => setOpen({ kind: 'card', property }) };
  const saved = (property: PropertyView, created: boolean) => {
    setNotice({ key: created ? 'properties.created' : 'properties.saved', name: property.name });
    properties.reload();
  };

  const list = properties.data;
  const deleting = open?.kind === 'delete' ? open.property : null;
  const deletingInterests = deleting ? interestTotal(deleting.interestCounts) : 0;
  return (
    <section className="page page-properties" data-testid="properties-page">
      <PageHeader
        title={t('properties.title')}
        intro={t('properties.intro')}
        actions={
          manage ? (
            <button type="button" className="button button-primary" onClick={() => setOpen({ kind: 'create' })} data-testid="properties-add">
              <Icon name="plus" />
              {t('properties.add')}
            </button>
          ) : null
        }
      />
      {!manage ? (
        <Alert tone="info" testId="properties-read-only">
          {t('properties.readOnly')}
        </Alert>
      ) : null}
      {notice ? (
        <Alert tone="success" testId="properties-success">
          {t(notice.key, { name: isolate(notice.name) })}
        </Alert>
      ) : null}
      {properties.error ? (
        <Alert tone="error" testId="properties-error">
          {describePropertyError(t, properties.error).formMessage}
        </Alert>
      ) : null}

      <PropertiesToolbar filters={filters} onChange={setFilters} cities={cities} />

      {list === undefined && !properties.error ? <p className="muted">{t('app.loading')}</p> : null}
      {list && list.length > 0 ? (
        <p className="properties-count muted" data-testid="properties-count" aria-live="polite">
          {t('properties.count', { count: formatWhole(language, list.length) })}
        </p>
      ) : null}
      {list?.length === 0 ? (
        <div className="card empty-card" data-testid="properties-empty">
          <span className="empty-card-icon" aria-hidden="true">
            <Icon name="properties" />
          </span>
          <p className="empty-card-title">{filtered ? t('properties.noMatches') : t('properties.empty')}</p>
          {manage && !filtered ? <p className="muted">{t('properties.emptyManager')}</p> : null}
          {filtered ? (
            <button type="button" className="button button-secondary button-small" onClick={() => setFilters({ ...noFilters, sort: filters.sort })} data-testid="properties-clear">
              {t('properties.clearFilters')}
            </button>
          ) : null}
        </div>
      ) : null}
      {list && list.length > 0 ? (
        <div className="property-grid" data-testid="properties-list" aria-busy={properties.loading}>
          {list.map((property) => (
            <PropertyCard key={property.id} property={property} actions={actions} views={views} onShowInterested={(p) => setOpen({ kind: 'interested', property: p })} />
          ))}
        </div>
      ) : null}

      {open?.kind === 'create' ? <PropertyFormDialog onClose={close} onSaved={saved} /> : null}
      {open?.kind === 'edit' ? <PropertyFormDialog property={open.property} onClose={close} onSaved={saved} /> : null}
      {open?.kind === 'interested' ? <InterestedConversationsDialog property={open.property} onClose={close} /> : null}
      {open?.kind === 'history' ? <PriceHistoryDialog property={open.property} onClose={close} /> : null}
      {open?.kind === 'card' ? <SendCardDialog property={open.property} onClose={close} /> : null}
      {deleting ? (
        <ConfirmDialog
          title={t('properties.deleteTitle')}
          message={
            deletingInterests > 0
              ? t('properties.confirmDeleteInterests', { name: isolate(deleting.name), count: formatWhole(language, deletingInterests) })
              : t('properties.confirmDelete', { name: isolate(deleting.name) })
          }
          confirmLabel={t('properties.delete')}
          danger
          pending={removal.pending}
          error={removalError}
          onConfirm={() => void remove(deleting)}
          onCancel={close}
        />
      ) : null}
    </section>
  );
}
