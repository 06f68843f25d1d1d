import { useEffect, useState } from 'react';
import type { PublicUser } from '../../../../shared/users/types';
import { call, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { useOfficeFormat } from '../../format/use-office-format';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { useRouteStore } from '../../stores/route-store';
import { AgentsTable } from './AgentsTable';
import { RecentList, WaitingList } from './ConversationLists';
import { DashboardFilters } from './DashboardFilters';
import { DrillDownDialog } from './DrillDownDialog';
import { FigureCards, type Opens } from './FigureCards';
import { FunnelCard } from './FunnelCard';
import { MessagesChart } from './MessagesChart';
import { NumbersCard } from './NumbersCard';
import { TypesChart } from './TypesChart';
import { useDashboard, type DashboardQueryInput, type DrillFigure } from './use-dashboard';
import { ViewingsCard } from './ViewingsCard';

/** Issue 17's dashboard (seed 000 الإحصائيات): one read per range, so cards, charts and tables agree. */
export function DashboardPage({ user }: { user: PublicUser }) {
  const t = useT();
  const { officeDay, prefs } = useOfficeFormat();
  const navigate = useRouteStore((state) => state.navigate);
  const [query, setQuery] = useState<DashboardQueryInput>({ preset: '30d' });
  const [drill, setDrill] = useState<{ figure: DrillFigure; repliedBy: number | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const dashboard = useDashboard(query);
  const summary = dashboard.data;
  const recomputing = summary?.recomputing === true;
  const { reload } = dashboard;
  // The rebuild after a change of zone or week sends no event: asked again until it is done.
  useEffect(() => {
    if (!recomputing) return;
    const timer = setTimeout(reload, 2000);
    return () => clearTimeout(timer);
  }, [recomputing, summary, reload]);
  const errorText = (error: Parameters<typeof describeError>[1]) => {
    const described = describeError(t, error);
    return described.formMessage ?? Object.values(described.fields).join(' ');
  };
  const open = (opens: Opens) => ('drill' in opens ? setDrill({ figure: opens.drill, repliedBy: null }) : navigate(opens.page));

  const rebuild = async () => {
    try {
      await call('dashboard.rebuild', {});
      setNotice(t('dashboard.rebuilt'));
      dashboard.reload();
    } catch (thrown) {
      setNotice(errorText(toApiError(thrown)));
    }
  };

  return (
    <section className="page page-dashboard" data-testid="dashboard-page">
      <PageHeader
        title={t('dashboard.title')}
        intro={t('dashboard.intro', { zone: summary?.range.timeZone ?? prefs.timeZone })}
        actions={
          user.role === 'admin' ? (
            <button type="button" className="button button-secondary" onClick={() => void rebuild()} data-testid="dashboard-rebuild">
              {t('dashboard.rebuild')}
            </button>
          ) : null
        }
      />
      <DashboardFilters user={user} query={query} today={officeDay(new Date())} onChange={setQuery} />
      {notice ? (
        <Alert tone="info" testId="dashboard-notice">
          {notice}
        </Alert>
      ) : null}
      {recomputing ? (
        <Alert tone="info" testId="dashboard-recomputing">
          {t('dashboard.recomputing')}
        </Alert>
      ) : null}
      {dashboard.error ? (
        <Alert tone="error" testId="dashboard-error">
          {errorText(dashboard.error)}
        </Alert>
      ) : null}
      {summary ? (
        <>
          <FigureCards summary={summary} onOpen={open} />
          <div className="dashboard-grid">
            <MessagesChart days={summary.charts.messagesByDay} />
            <TypesChart types={summary.charts.messageTypes} />
            <FunnelCard funnel={summary.funnel} onDrill={(figure) => setDrill({ figure, repliedBy: null })} />
            <AgentsTable total={summary.firstResponse.total} byAgent={summary.firstResponse.byAgent} onOpen={(agentId) => setDrill({ figure: 'answered', repliedBy: agentId })} />
            <WaitingList waiting={summary.waiting} />
            <ViewingsCard viewings={summary.viewings.next7Days} />
            <NumbersCard numbers={summary.whatsappAccounts} />
            <RecentList recent={summary.recentConversations} />
          </div>
        </>
      ) : dashboard.error ? null : (
        <p className="muted">{t('app.loading')}</p>
      )}
      {drill ? <DrillDownDialog query={query} figure={drill.figure} repliedBy={drill.repliedBy} onClose={() => setDrill(null)} /> : null}
    </section>
  );
}
