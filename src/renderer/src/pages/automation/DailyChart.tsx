import type { AutomationStats } from '../../../../shared/automation/types';
import { DailyBarChart } from '../../charts/DailyBarChart';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';

const colors = { success: '#0a8a5b', failed: '#c23a2e' };

/** The period's messages per office day as bars, succeeded and failed stacked. */
export function DailyChart({ daily }: { daily: AutomationStats['dailyStats'] }) {
  const t = useT();
  return (
    <DailyBarChart
      days={daily.map((day) => day.date)}
      series={[
        { label: t('automation.stats.success'), values: daily.map((day) => day.success), color: colors.success },
        { label: t('automation.stats.failed'), values: daily.map((day) => day.failed), color: colors.failed },
      ]}
      stacked
      label={t('automation.stats.daily')}
      testId="stats-chart"
      className="automation-chart"
    />
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
