import type { DashboardSummary } from '../../../../shared/dashboard/types';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';
import type { MessageKey } from '../../i18n/dictionary';
import { useRouteStore } from '../../stores/route-store';

/** Seed 000's `whatsappAccounts`: each number's live state and today's quota use. */
export function NumbersCard({ numbers }: { numbers: DashboardSummary['whatsappAccounts'] }) {
  const t = useT();
  const { formatNumber } = useOfficeFormat();
  const navigate = useRouteStore((state) => state.navigate);
  return (
    <section className="card dashboard-list" data-testid="dashboard-numbers">
      <h2 className="section-title">{t('dashboard.numbers.title')}</h2>
      <ul className="dashboard-rows">
        {numbers.map((n) => (
          <li key={n.id}>
            <button type="button" className="dashboard-row" onClick={() => navigate('numbers')} data-testid={`dashboard-number-${n.id}`}>
              <span className="dashboard-row-main">{n.name}</span>
              <span className="muted" dir="ltr">
                {n.phone ?? ''}
              </span>
              <span className="muted">{t(`connection.${n.status}` as MessageKey)}</span>
              <span className="dashboard-quota" title={t('dashboard.numbers.quota')}>
                <span className="dashboard-quota-bar" aria-hidden="true">
                  <span style={{ inlineSize: `${Math.min(100, (n.quotaUsed / Math.max(1, n.quotaLimit)) * 100)}%` }} />
                </span>
                {formatNumber(n.quotaUsed)} / {formatNumber(n.quotaLimit)}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
