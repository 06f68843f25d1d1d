import type { DashboardSummary, DrillFigure } from '../../../../shared/dashboard/types';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';

const stages = ['inquiries', 'interested', 'viewingBooked', 'viewingDone', 'offer', 'won'] as const;

/** Episodes started in the range and how far each went; a stage opens its episodes. */
export function FunnelCard({ funnel, onDrill }: { funnel: DashboardSummary['funnel']; onDrill(figure: DrillFigure): void }) {
  const t = useT();
  const { formatNumber } = useOfficeFormat();
  const top = Math.max(1, funnel.inquiries);
  return (
    <section className="card dashboard-funnel" data-testid="dashboard-funnel">
      <h2 className="section-title">{t('dashboard.funnel.title')}</h2>
      <ol className="dashboard-funnel-stages">
        {stages.map((stage) => (
          <li key={stage}>
            <button type="button" className="dashboard-funnel-stage" onClick={() => onDrill(stage === 'inquiries' ? 'episodes' : stage)} data-testid={`funnel-${stage}`}>
              <span className="dashboard-funnel-label">{t(`dashboard.funnel.${stage}`)}</span>
              <span className="dashboard-funnel-bar" aria-hidden="true">
                <span style={{ inlineSize: `${(funnel[stage] / top) * 100}%` }} />
              </span>
              <span className="dashboard-funnel-count">{formatNumber(funnel[stage])}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
