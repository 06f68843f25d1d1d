import { ArcElement, Chart, DoughnutController, Legend, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { DashboardSummary } from '../../../../shared/dashboard/types';
import { useOfficeFormat } from '../../format/use-office-format';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { ChartBox } from './ChartBox';
import { typeLabel } from './dashboard-format';

Chart.register(DoughnutController, ArcElement, Tooltip, Legend);

const palette = ['#1f6feb', '#0a8a5b', '#d4a72c', '#c23a2e', '#8250df', '#1b7c83', '#bf5700', '#6e7781', '#57606a'];
type Types = DashboardSummary['charts']['messageTypes'];

/** The range's messages by type (seed 000's `messageTypes`), as a doughnut or a table. */
export function TypesChart({ types }: { types: Types }) {
  const t = useT();
  return <ChartBox title={t('dashboard.chart.messageTypes')} testId="dashboard-types" chart={<TypesDoughnut types={types} />} table={<TypesTable types={types} />} />;
}

function TypesDoughnut({ types }: { types: Types }) {
  const t = useT();
  const rtl = useLanguageStore((state) => state.language) === 'ar';
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'doughnut',
      data: { labels: types.map((x) => typeLabel(x.type, t)), datasets: [{ data: types.map((x) => x.value), backgroundColor: types.map((_, i) => palette[i % palette.length]!) }] },
      options: {
        animation: false,
        maintainAspectRatio: false,
        locale: rtl ? 'ar-SA' : 'en-GB',
        plugins: { legend: { rtl, textDirection: rtl ? 'rtl' : 'ltr', position: 'bottom' }, tooltip: { rtl, textDirection: rtl ? 'rtl' : 'ltr' } },
      },
    });
    return () => chart.destroy();
  }, [types, rtl, t]);
  return (
    <div className="dashboard-chart">
      <canvas ref={canvas} role="img" aria-label={t('dashboard.chart.messageTypes')} data-testid="dashboard-types-chart" />
    </div>
  );
}

function TypesTable({ types }: { types: Types }) {
  const t = useT();
  const { formatNumber } = useOfficeFormat();
  return (
    <div className="table-wrap">
      <table className="table" data-testid="dashboard-types-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.chart.type')}</th>
            <th scope="col">{t('dashboard.chart.count')}</th>
          </tr>
        </thead>
        <tbody>
          {types.map((x) => (
            <tr key={x.type}>
              <th scope="row">{typeLabel(x.type, t)}</th>
              <td>{formatNumber(x.value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
