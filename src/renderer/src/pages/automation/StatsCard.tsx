import { useState } from 'react';
import { statsPeriods, type StatsPeriod } from '../../../../shared/automation/types';
import { call } from '../../api/client';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';
import { DailyChart, DailyTable } from './DailyChart';
import { useLiveRead } from './use-live-read';

/** automation.stats for 24h/7d/30d (for one number when the page is filtered to one), read again as rules and jobs change. */
export function StatsCard({ numberId }: { numberId: number | undefined }) {
  const t = useT();
  const { formatNumber } = useOfficeFormat();
  const [period, setPeriod] = useState<StatsPeriod>('7d');
  const [asTable, setAsTable] = useState(false);
  const input = { period, ...(numberId !== undefined ? { numberId } : {}) };
  const stats = useLiveRead(() => call('automation.stats', input), JSON.stringify(input), ['automation.rules.changed', 'automation.jobs.changed']);

  const data = stats.data;
  const percent = (value: number) => t('automation.stats.percent', { value: formatNumber(value, { maximumFractionDigits: 1 }) });
  const sentInPeriod = data ? { '24h': data.messagesSent.last24h, '7d': data.messagesSent.last7d, '30d': data.messagesSent.last30d }[period] : 0;

  return (
    <section className="card automation-stats" aria-labelledby="automation-stats-title" data-testid="automation-stats">
      <div className="automation-stats-head">
        <h2 className="section-title" id="automation-stats-title">
          {t('automation.stats.title')}
        </h2>
        <div className="segmented" role="group" aria-label={t('automation.stats.period')}>
          {statsPeriods.map((value) => (
            <button key={value} type="button" className={value === period ? 'segmented-button is-active' : 'segmented-button'} aria-pressed={value === period} onClick={() => setPeriod(value)} data-testid={`stats-period-${value}`}>
              {t(`automation.stats.${value}`)}
            </button>
          ))}
        </div>
      </div>
      {stats.error ? <p className="field-error">{t('automation.stats.loadFailed')}</p> : null}
      {data ? (
        <>
          <dl className="automation-stats-figures">
            <div>
              <dt>{t('automation.stats.sent')}</dt>
              <dd data-testid="stats-sent">{formatNumber(sentInPeriod)}</dd>
            </div>
            <div>
              <dt>{t('automation.stats.successRate')}</dt>
              <dd data-testid="stats-success-rate">{percent(data.successRate)}</dd>
            </div>
            <div>
              <dt>{t('automation.stats.failureRate')}</dt>
              <dd data-testid="stats-failure-rate">{percent(data.failureRate)}</dd>
            </div>
            <div>
              <dt>{t('automation.stats.rules')}</dt>
              <dd data-testid="stats-rules">{t('automation.stats.rulesValue', { active: formatNumber(data.activeRules), total: formatNumber(data.totalRules) })}</dd>
            </div>
          </dl>
          <p className="muted automation-stats-not-sent" data-testid="stats-not-sent">
            {t('automation.stats.notSent', { skipped: formatNumber(data.notSent.skipped), cancelled: formatNumber(data.notSent.cancelled), expired: formatNumber(data.notSent.expired) })}
          </p>
          <div className="automation-stats-body">
            <div className="automation-stats-daily">
              <div className="automation-stats-daily-head">
                <h3 className="automation-box-title">{t('automation.stats.daily')}</h3>
                <button type="button" className="button button-small button-ghost" aria-pressed={asTable} onClick={() => setAsTable(!asTable)} data-testid="stats-view-toggle">
                  {t(asTable ? 'automation.stats.showChart' : 'automation.stats.showTable')}
                </button>
              </div>
              {asTable ? <DailyTable daily={data.dailyStats} /> : <DailyChart daily={data.dailyStats} />}
            </div>
            <div className="automation-stats-top">
              <h3 className="automation-box-title">{t('automation.stats.topTriggers')}</h3>
              {data.topTriggers.length === 0 ? (
                <p className="muted">{t('automation.stats.noTriggers')}</p>
              ) : (
                <ol className="automation-top-triggers" data-testid="stats-top-triggers">
                  {data.topTriggers.map((top) => (
                    <li key={top.trigger}>
                      <span>{t(`automation.trigger.${top.trigger}`)}</span>
                      <span className="automation-top-count">{formatNumber(top.count)}</span>
                    </li>
                  ))}
                </ol>
              )}
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}
