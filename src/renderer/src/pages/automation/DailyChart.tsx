import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { AutomationStats } from '../../../../shared/automation/types';
import { useOfficeFormat } from '../../format/use-office-format';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const colors = { success: '#0a8a5b', failed: '#c23a2e' };

/**
 * The period's messages per office day as bars (succeeded and failed stacked). In Arabic the
 * days run right to left, and the legend and tooltips read right to left too.
 */
export function DailyChart({ daily }: { daily: AutomationStats['dailyStats'] }) {
  const t = useT();
  const rtl = useLanguageStore((state) => state.language) === 'ar';
  const { formatDay, formatNumber } = useOfficeFormat();
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: daily.map((day) => formatDay(day.date)),
        datasets: [
          { label: t('automation.stats.success'), data: daily.map((day) => day.success), backgroundColor: colors.success, stack: 'sent' },
          { label: t('automation.stats.failed'), data: daily.map((day) => day.failed), backgroundColor: colors.failed, stack: 'sent' },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        locale: rtl ? 'ar-SA' : 'en-GB',
        scales: {
          x: { stacked: true, reverse: rtl, grid: { display: false } },
          y: { stacked: true, beginAtZero: true, position: rtl ? 'right' : 'left', ticks: { precision: 0, callback: (value) => formatNumber(Number(value)) } },
        },
        plugins: {
          legend: { rtl, textDirection: rtl ? 'rtl' : 'ltr', position: 'bottom' },
          tooltip: { rtl, textDirection: rtl ? 'rtl' : 'ltr' },
        },
      },
    });
    return () => chart.destroy();
  }, [daily, rtl, t, formatDay, formatNumber]);

  return (
    <div className="automation-chart">
      <canvas ref={canvas} role="img" aria-label={t('automation.stats.daily')} data-testid="stats-chart" />
    </div>
  );
}

/** The same numbers as a table: for screen readers and for reading exact values. */
export function DailyTable({ daily }: { daily: AutomationStats['dailyStats'] }) {
  const t = useT();
  const { formatDay, formatNumber } = useOfficeFormat();
  return (
    <div className="table-wrap automation-daily-table">
      <table className="table" data-testid="stats-table">
        <thead>
          <tr>
            <th scope="col">{t('automation.stats.date')}</th>
            <th scope="col">{t('automation.stats.sentColumn')}</th>
            <th scope="col">{t('automation.stats.success')}</th>
            <th scope="col">{t('automation.stats.failed')}</th>
          </tr>
        </thead>
        <tbody>
          {daily.map((day) => (
            <tr key={day.date} data-testid={`stats-day-${day.date}`}>
              <th scope="row">{formatDay(day.date)}</th>
              <td>{formatNumber(day.sent)}</td>
              <td>{formatNumber(day.success)}</td>
              <td>{formatNumber(day.failed)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
