import { useMemo, useState } from 'react';
import { offerStatuses, type OfferStatus } from '../../../../shared/offers/types';
import type { PublicUser } from '../../../../shared/users/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { SelectField } from '../../components/SelectField';
import { VirtualList } from '../../components/VirtualList';
import { useQuery } from '../../hooks/use-query';
import { useT } from '../../i18n/use-t';
import { canListUsers, canManagePromotions, canUndoAcceptance } from '../shell/access';
import { actionErrorText } from './offer-format';
import { OfferRow, offerRowHeight } from './OfferRow';
import { PromotionsSection } from './PromotionsSection';
import { useOffers, type OfferFilters } from './use-offers';

interface Filters {
  status: OfferStatus | '';
  propertyId: string;
  agentId: string;
}
const noFilters: Filters = { status: '', propertyId: '', agentId: '' };

/** Every offer the user may see, newest first, filtered by status, property and who logged it; the office's promotions below for managers. */
export function OffersPage({ user }: { user: PublicUser }) {
  const t = useT();
  const [filters, setFilters] = useState<Filters>(noFilters);
  const query = useMemo<OfferFilters>(
    () => ({
      ...(filters.status ? { status: filters.status } : {}),
      ...(filters.propertyId ? { propertyId: Number(filters.propertyId) } : {}),
      ...(filters.agentId ? { agentId: Number(filters.agentId) } : {}),
    }),
    [filters],
  );
  const { offers, error, hasMore, more } = useOffers(query);
  const properties = useQuery(() => call('properties.list', {}));
  const users = useQuery(() => (canListUsers(user.role) ? call('users.list', {}) : Promise.resolve([] as PublicUser[])));
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const filtered = filters !== noFilters;

  return (
    <section className="page page-offers" data-testid="offers-page">
      <PageHeader title={t('offers.title')} intro={t('offers.intro')} />
      <div className="offers-filters" data-testid="offers-filters">
        <SelectField<OfferStatus | ''>
          name="status"
          label={t('offers.filterStatus')}
          value={filters.status}
          options={[{ value: '', label: t('offers.allStatuses') }, ...offerStatuses.map((s) => ({ value: s, label: t(`offers.status.${s}`) }))]}
          onChange={(status) => set({ status })}
          testId="offers-filter-status"
        />
        <SelectField
          name="propertyId"
          label={t('offers.filterProperty')}
          value={filters.propertyId}
          options={[{ value: '', label: t('offers.allProperties') }, ...(properties.data ?? []).map((p) => ({ value: String(p.id), label: p.name }))]}
          onChange={(propertyId) => set({ propertyId })}
          testId="offers-filter-property"
        />
        {canListUsers(user.role) ? (
          <SelectField
            name="agentId"
            label={t('offers.filterAgent')}
            value={filters.agentId}
            options={[{ value: '', label: t('offers.allAgents') }, ...(users.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))]}
            onChange={(agentId) => set({ agentId })}
            testId="offers-filter-agent"
          />
        ) : null}
        {filtered ? (
          <button type="button" className="button button-secondary offers-clear" onClick={() => setFilters(noFilters)} data-testid="offers-clear">
            {t('offers.clear')}
          </button>
        ) : null}
      </div>
      {error ? (
        <Alert tone="error" testId="offers-error">
          {actionErrorText(t, error)}
        </Alert>
      ) : null}
      <div
        className="card offers-pane"
        // As tall as its rows up to most of the window; the list scrolls inside beyond that.
        style={offers && offers.length > 0 ? { blockSize: `min(70vh, ${offers.length * offerRowHeight + (hasMore ? 48 : 2)}px)` } : undefined}
      >
        {offers && offers.length === 0 ? (
          <p className="table-empty" data-testid="offers-empty">
            {filtered ? t('offers.noMatches') : t('offers.empty')}
          </p>
        ) : (
          <VirtualList
            items={offers ?? []}
            rowHeight={offerRowHeight}
            getKey={(o) => o.id}
            renderRow={(offer) => <OfferRow offer={offer} canUndo={canUndoAcceptance(user.role)} fixedHeight />}
            onEndReached={more}
            footer={hasMore ? <p className="muted offers-more">{t('offers.loadMore')}</p> : undefined}
            label={t('offers.listLabel')}
            testId="offers-list"
          />
        )}
      </div>
      {canManagePromotions(user.role) ? <PromotionsSection /> : null}
    </section>
  );
}
