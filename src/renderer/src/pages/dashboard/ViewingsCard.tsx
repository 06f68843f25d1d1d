import type { DashboardSummary } from '../../../../shared/dashboard/types';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';
import { useRouteStore } from '../../stores/route-store';

/** The next seven days' viewings (from now, whatever the range), leading to the calendar. */
export function ViewingsCard({ viewings }: { viewings: DashboardSummary['viewings']['next7Days'] }) {
  const t = useT();
  const { formatWeekdayTime } = useOfficeFormat();
  const navigate = useRouteStore((state) => state.navigate);
  return (
    <section className="card dashboard-list" data-testid="dashboard-viewings">
      <div className="dashboard-box-head">
        <h2 className="section-title">{t('dashboard.viewings.title')}</h2>
        <button type="button" className="button button-small button-ghost" onClick={() => navigate('calendar')} data-testid="dashboard-open-calendar">
          {t('dashboard.viewings.open')}
        </button>
      </div>
      {viewings.length === 0 ? <p className="muted">{t('dashboard.viewings.empty')}</p> : null}
      <ul className="dashboard-rows">
        {viewings.map((v) => (
          <li key={v.id} className="dashboard-row dashboard-row-static" data-testid={`dashboard-viewing-${v.id}`}>
            <span className="dashboard-row-main">{formatWeekdayTime(new Date(v.startAt).toISOString())}</span>
            <span>{v.property}</span>
            <span className="muted">
              {v.customer} · {v.agent}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
