import type { AiStats } from '../../../../shared/ai/types';
import { BarChart } from '../../charts/BarChart';
import { DailyBarChart } from '../../charts/DailyBarChart';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';
import { durationText } from './ai-labels';
import { fullDay } from './hourly';

const colors = { responses: '#0a8a5b', handoffs: '#d48a12', hours: '#2f6fb2' };

/** Replies and hand-offs per office day of the period. */
export function DailyBars({ daily }: { daily: AiStats['dailyStats'] }) {
  const t = useT();
  return (
    <DailyBarChart
      days={daily.map((day) => day.date)}
      series={[
        { label: t('ai.stats.responses'), values: daily.map((day) => day.responses), color: colors.responses },
        { label: t('ai.stats.handoffs'), values: daily.map((day) => day.handoffs), color: colors.handoffs },
      ]}
      label={t('ai.stats.daily')}
      testId="ai-stats-daily-chart"
      className="ai-chart"
    />
  );
}

export function HourlyBars({ hourly }: { hourly: AiStats['hourlyDistribution'] }) {
  const t = useT();
  const { formatNumber } = useOfficeFormat();
  const day = fullDay(hourly);
  return (
    <BarChart
      labels={day.map((h) => formatNumber(h.hour, { minimumIntegerDigits: 2 }))}
      series={[{ label: t('ai.stats.responses'), values: day.map((h) => h.count), color: colors.hours }]}
      label={t('ai.stats.hourly')}
      testId="ai-stats-hourly-chart"
      className="ai-chart"
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
