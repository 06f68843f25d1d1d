import type { DashboardSummary } from '../../../../shared/dashboard/types';
import { DailyBarChart } from '../../charts/DailyBarChart';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';
import { ChartBox } from './ChartBox';

const colors = { incoming: '#1f6feb', outgoing: '#0a8a5b' };
type Days = DashboardSummary['charts']['messagesByDay'];

/** Messages in and out per office day; in Arabic the days run right to left, legend and tooltips too. */
export function MessagesChart({ days }: { days: Days }) {
  const t = useT();
  return <ChartBox title={t('dashboard.chart.messagesByDay')} testId="dashboard-messages" chart={<MessagesBars days={days} />} table={<MessagesTable days={days} />} />;
}

function MessagesBars({ days }: { days: Days }) {
  const t = useT();
  return (
    <DailyBarChart
      days={days.map((d) => d.day)}
      series={[
        { label: t('dashboard.chart.incoming'), values: days.map((d) => d.incoming), color: colors.incoming },
        { label: t('dashboard.chart.outgoing'), values: days.map((d) => d.outgoing), color: colors.outgoing },
      ]}
      label={t('dashboard.chart.messagesByDay')}
      testId="dashboard-messages-chart"
      className="dashboard-chart"
    />
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
