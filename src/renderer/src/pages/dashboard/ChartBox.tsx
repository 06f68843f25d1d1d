import { useState, type ReactNode } from 'react';
import { useT } from '../../i18n/use-t';

/** A chart with its table view a click away: the same figures, for screen readers and for reading exact values. */
export function ChartBox({ title, testId, chart, table }: { title: string; testId: string; chart: ReactNode; table: ReactNode }) {
  const t = useT();
  const [asTable, setAsTable] = useState(false);
  return (
    <section className="card dashboard-chart-box" data-testid={testId}>
      <div className="dashboard-box-head">
        <h2 className="section-title">{title}</h2>
        <button type="button" className="button button-small button-ghost" aria-pressed={asTable} onClick={() => setAsTable(!asTable)} data-testid={`${testId}-toggle`}>
          {t(asTable ? 'dashboard.chart.showChart' : 'dashboard.chart.showTable')}
        </button>
      </div>
      {asTable ? table : chart}
    </section>
  );
}
