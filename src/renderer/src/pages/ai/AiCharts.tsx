import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import type { AiStats } from '../../../../shared/ai/types';
import { useOfficeFormat } from '../../format/use-office-format';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';
import { durationText } from './ai-labels';
import { fullDay } from './hourly';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const colors = { responses: '#0a8a5b', handoffs: '#d48a12', hours: '#2f6fb2' };

interface Series {
  label: string;
  data: number[];
  color: string;
}

/** A bar chart that reads right to left in Arabic (axis, legend and tooltips), redrawn when its data or language change. */
function Bars({ labels, series, label, testId }: { labels: string[]; series: Series[]; label: string; testId: string }) {
  const rtl = useLanguageStore((state) => state.language) === 'ar';
  const { formatNumber } = useOfficeFormat();
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify([labels, series]);

  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.data, backgroundColor: s.color })) },
      options: {
        animation: false,
        maintainAspectRatio: false,
        // Room for the first and last slanted day labels.
        layout: { padding: { left: 12, right: 12 } },
        locale: rtl ? 'ar-SA' : 'en-GB',
        scales: {
          x: { reverse: rtl, grid: { display: false } },
          y: { beginAtZero: true, position: rtl ? 'right' : 'left', ticks: { precision: 0, callback: (value) => formatNumber(Number(value)) } },
        },
        plugins: {
          legend: { display: series.length > 1, rtl, textDirection: rtl ? 'rtl' : 'ltr', position: 'bottom' },
          tooltip: { rtl, textDirection: rtl ? 'rtl' : 'ltr' },
        },
      },
    });
    return () => chart.destroy();
    // `key` stands for labels and series: a new array with the same numbers redraws nothing.
  }, [key, rtl, formatNumber]);

  return (
    <div className="ai-chart">
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}

/** Replies and hand-offs per office day of the period. */
export function DailyBars({ daily }: { daily: AiStats['dailyStats'] }) {
  const t = useT();
  const { formatDay } = useOfficeFormat();
  return (
    <Bars
      labels={daily.map((day) => formatDay(day.date))}
      series={[
        { label: t('ai.stats.responses'), data: daily.map((day) => day.responses), color: colors.responses },
        { label: t('ai.stats.handoffs'), data: daily.map((day) => day.handoffs), color: colors.handoffs },
      ]}
      label={t('ai.stats.daily')}
      testId="ai-stats-daily-chart"
    />
  );
}

export function HourlyBars({ hourly }: { hourly: AiStats['hourlyDistribution'] }) {
  const t = useT();
  const { formatNumber } = useOfficeFormat();
  const day = fullDay(hourly);
  return (
    <Bars
      labels={day.map((h) => formatNumber(h.hour, { minimumIntegerDigits: 2 }))}
      series={[{ label: t('ai.stats.responses'), data: day.map((h) => h.count), color: colors.hours }]}
      label={t('ai.stats.hourly')}
      testId="ai-stats-hourly-chart"
    />
  );
}

/** The same numbers as tables: for screen readers and for reading exact values. */
export function DailyTable({ daily }: { daily: AiStats['dailyStats'] }) {
  const t = useT();
  const { formatDay, formatNumber } = useOfficeFormat();
  return (
    <div className="table-wrap ai-table">
      <table className="table" data-testid="ai-stats-daily-table">
        <thead>
          <tr>
            <th scope="col">{t('ai.stats.date')}</th>
            <th scope="col">{t('ai.stats.responses')}</th>
            <th scope="col">{t('ai.stats.handoffs')}</th>
            <th scope="col">{t('ai.stats.avgTime')}</th>
          </tr>
        </thead>
        <tbody>
          {daily.map((day) => (
            <tr key={day.date} data-testid={`ai-stats-day-${day.date}`}>
              <th scope="row">{formatDay(day.date)}</th>
              <td>{formatNumber(day.responses)}</td>
              <td>{formatNumber(day.handoffs)}</td>
              <td>{durationText(t, formatNumber, day.avgResponseTime)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function HourlyTable({ hourly }: { hourly: AiStats['hourlyDistribution'] }) {
  const t = useT();
  const { formatNumber } = useOfficeFormat();
  return (
    <div className="table-wrap ai-table">
      <table className="table" data-testid="ai-stats-hourly-table">
        <thead>
          <tr>
            <th scope="col">{t('ai.stats.hour')}</th>
            <th scope="col">{t('ai.stats.count')}</th>
          </tr>
        </thead>
        <tbody>
          {hourly.length === 0 ? (
            <tr>
              <td colSpan={2} className="muted">
                {t('ai.stats.empty')}
              </td>
            </tr>
          ) : (
            hourly.map((h) => (
              <tr key={h.hour}>
                <th scope="row">
                  <bdi>{`${formatNumber(h.hour, { minimumIntegerDigits: 2 })}:${formatNumber(0, { minimumIntegerDigits: 2 })}`}</bdi>
                </th>
                <td>{formatNumber(h.count)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
