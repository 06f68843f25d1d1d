import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { DashboardSummary } from '../../../../shared/dashboard/types';
import { useOfficeFormat } from '../../format/use-office-format';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { ChartBox } from './ChartBox';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const colors = { incoming: '#1f6feb', outgoing: '#0a8a5b' };
type Days = DashboardSummary['charts']['messagesByDay'];

/** Messages in and out per office day; in Arabic the days run right to left, legend and tooltips too. */
export function MessagesChart({ days }: { days: Days }) {
  const t = useT();
  return <ChartBox title={t('dashboard.chart.messagesByDay')} testId="dashboard-messages" chart={<MessagesBars days={days} />} table={<MessagesTable days={days} />} />;
}

function MessagesBars({ days }: { days: Days }) {
  const t = useT();
  const rtl = useLanguageStore((state) => state.language) === 'ar';
  const { formatDay, formatNumber } = useOfficeFormat();
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: days.map((d) => formatDay(d.day)),
        datasets: [
          { label: t('dashboard.chart.incoming'), data: days.map((d) => d.incoming), backgroundColor: colors.incoming },
          { label: t('dashboard.chart.outgoing'), data: days.map((d) => d.outgoing), backgroundColor: colors.outgoing },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        locale: rtl ? 'ar-SA' : 'en-GB',
        scales: {
          x: { reverse: rtl, grid: { display: false } },
          y: { beginAtZero: true, position: rtl ? 'right' : 'left', ticks: { precision: 0, callback: (value) => formatNumber(Number(value)) } },
        },
        plugins: { legend: { rtl, textDirection: rtl ? 'rtl' : 'ltr', position: 'bottom' }, tooltip: { rtl, textDirection: rtl ? 'rtl' : 'ltr' } },
      },
    });
    return () => chart.destroy();
  }, [days, rtl, t, formatDay, formatNumber]);
  return (
    <div className="dashboard-chart">
      <canvas ref={canvas} role="img" aria-label={t('dashboard.chart.messagesByDay')} data-testid="dashboard-messages-chart" />
    </div>
  );
}

function MessagesTable({ days }: { days: Days }) {
  const t = useT();
  const { formatDay, formatNumber } = useOfficeFormat();
  return (
    <div className="table-wrap dashboard-table-scroll">
      <table className="table" data-testid="dashboard-messages-table">
        <thead>
          <tr>
            <th scope="col">{t('dashboard.chart.day')}</th>
            <th scope="col">{t('dashboard.chart.incoming')}</th>
            <th scope="col">{t('dashboard.chart.outgoing')}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{formatDay(d.day)}</th>
              <td>{formatNumber(d.incoming)}</td>
              <td>{formatNumber(d.outgoing)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
