import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';
import { useOfficeFormat } from '../format/use-office-format';
import { useLanguageStore } from '../i18n/language-store';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

export interface BarSeries {
  label: string;
  values: number[];
  color: string;
}

export interface BarChartProps {
  /** One label per bar group, already in the reader's words and digits. */
  labels: string[];
  series: BarSeries[];
  /** What the chart shows, for screen readers (the canvas is an image to them). */
  label: string;
  testId: string;
  /** The series stacked in one bar per label (parts of a whole) rather than side by side. */
  stacked?: boolean;
  /** The box's size comes from the page's CSS (a relative block with a height). */
  className: string;
}

/**
 * The renderer's one Chart.js bar chart: in Arabic the categories run right to left, the value
 * axis stands on the right, and the legend and tooltips read right to left (Chart.js does this
 * itself, which most React chart libraries do not); numbers in the office's digits. Redrawn only
 * when the figures or the language change, not for a new array holding the same numbers.
 */
export function BarChart({ labels, series, label, testId, stacked = false, className }: BarChartProps) {
  const rtl = useLanguageStore((state) => state.language) === 'ar';
  const { formatNumber } = useOfficeFormat();
  const canvas = useRef<HTMLCanvasElement>(null);
  const key = JSON.stringify([labels, series, stacked]);

  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels, datasets: series.map((s) => ({ label: s.label, data: s.values, backgroundColor: s.color, ...(stacked ? { stack: 'all' } : {}) })) },
      options: {
        animation: false,
        maintainAspectRatio: false,
        // Room for the slanted labels: the one at the left edge leans out of the box (the newest day in Arabic, the oldest in English).
        layout: { padding: { left: 48, right: 12 } },
        locale: rtl ? 'ar-SA' : 'en-GB',
        scales: {
          x: { stacked, reverse: rtl, grid: { display: false } },
          y: { stacked, beginAtZero: true, position: rtl ? 'right' : 'left', ticks: { precision: 0, callback: (value) => formatNumber(Number(value)) } },
        },
        plugins: {
          legend: { display: series.length > 1, rtl, textDirection: rtl ? 'rtl' : 'ltr', position: 'bottom' },
          tooltip: { rtl, textDirection: rtl ? 'rtl' : 'ltr' },
        },
      },
    });
    return () => chart.destroy();
    // `key` stands for labels, series and stacking.
  }, [key, rtl, formatNumber]);

  return (
    <div className={className}>
      <canvas ref={canvas} role="img" aria-label={label} data-testid={testId} />
    </div>
  );
}
