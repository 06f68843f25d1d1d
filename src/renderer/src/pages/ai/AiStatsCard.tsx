import { useState } from 'react';
import { aiStatsPeriods, type AiStats, type AiStatsPeriod } from '../../../../shared/ai/types';
import { call } from '../../api/client';
import { useOfficeFormat } from '../../format/use-office-format';
import { useT } from '../../i18n/use-t';
import { useLiveRead } from '../automation/use-live-read';
import { DailyBars, DailyTable, HourlyBars, HourlyTable } from './AiCharts';
import { durationText } from './ai-labels';

/** One breakdown (by request type or language) as labelled bars with count and share. */
function Breakdown({ title, rows, testId }: { title: string; rows: { key: string; label: string; count: number; percentage: number }[]; testId: string }) {
  const t = useT();
  const { formatNumber } = useOfficeFormat();
  return (
    <div className="ai-breakdown">
      <h3 className="ai-box-title">{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">{t('ai.stats.empty')}</p>
      ) : (
        <ul className="ai-breakdown-list" data-testid={testId}>
          {rows.map((row) => (
            <li key={row.key} data-key={row.key}>
              <span className="ai-breakdown-label">{row.label}</span>
              <span className="ai-breakdown-bar" aria-hidden="true">
                <span style={{ inlineSize: `${Math.min(100, row.percentage)}%` }} />
              </span>
              <span className="ai-breakdown-count">
                {formatNumber(row.count)} · {t('ai.stats.percent', { value: formatNumber(row.percentage, { maximumFractionDigits: 1 }) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** ai.stats for 24h/7d/30d (one number or all), read again whenever a conversation's AI state changes. */
export function AiStatsCard({ numberId }: { numberId: number | undefined }) {
  const t = useT();
  const { formatNumber } = useOfficeFormat();
  const [period, setPeriod] = useState<AiStatsPeriod>('7d');
  const [asTable, setAsTable] = useState(false);
  const input = { period, ...(numberId !== undefined ? { numberId } : {}) };
  const stats = useLiveRead(() => call('ai.stats', input), JSON.stringify(input), ['ai.conversation.changed']);
  const data: AiStats | undefined = stats.data;
  const percent = (value: number) => t('ai.stats.percent', { value: formatNumber(value, { maximumFractionDigits: 1 }) });

  return (
    <section className="card ai-card" aria-labelledby="ai-stats-title" data-testid="ai-stats">
      <div className="ai-card-head">
        <h2 className="section-title" id="ai-stats-title">
          {t('ai.stats.title')}
        </h2>
        <div className="segmented ai-card-action" role="group" aria-label={t('ai.stats.period')}>
          {aiStatsPeriods.map((value) => (
            <button key={value} type="button" className={value === period ? 'segmented-button is-active' : 'segmented-button'} aria-pressed={value === period} onClick={() => setPeriod(value)} data-testid={`ai-stats-period-${value}`}>
              {t(`ai.stats.${value}`)}
            </button>
          ))}
        </div>
      </div>
      {stats.error ? <p className="field-error">{t('ai.stats.loadFailed')}</p> : null}
      {data ? (
        <>
          <dl className="ai-figures">
            <div>
              <dt>{t('ai.stats.totalResponses')}</dt>
              <dd data-testid="ai-stats-total">{formatNumber(data.totalResponses)}</dd>
            </div>
            <div>
              <dt>{t('ai.stats.avgResponseTime')}</dt>
              <dd data-testid="ai-stats-avg-time">{durationText(t, formatNumber, data.avgResponseTimeMs)}</dd>
            </div>
            <div>
              <dt>{t('ai.stats.handoffCount')}</dt>
              <dd data-testid="ai-stats-handoffs">{formatNumber(data.handoffCount)}</dd>
            </div>
            <div>
              <dt>{t('ai.stats.handoffRate')}</dt>
              <dd data-testid="ai-stats-handoff-rate">{percent(data.handoffRate)}</dd>
            </div>
            <div>
              <dt>{t('ai.stats.satisfaction')}</dt>
              <dd data-testid="ai-stats-satisfaction">{data.satisfactionRate === null ? <span className="muted">{t('ai.stats.notRated')}</span> : percent(data.satisfactionRate)}</dd>
            </div>
          </dl>
          <div className="ai-breakdowns">
            <Breakdown
              title={t('ai.stats.scenarios')}
              rows={data.scenarioBreakdown.map((row) => ({ key: row.scenario, label: t(`ai.scenario.${row.scenario}`), count: row.count, percentage: row.percentage }))}
              testId="ai-stats-scenarios"
            />
            <Breakdown
              title={t('ai.stats.languages')}
              rows={data.languageBreakdown.map((row) => ({ key: row.language, label: t(`ai.language.${row.language}`), count: row.count, percentage: row.percentage }))}
              testId="ai-stats-languages"
            />
          </div>
          <div className="ai-stats-view">
            <button type="button" className="button button-small button-ghost" aria-pressed={asTable} onClick={() => setAsTable(!asTable)} data-testid="ai-stats-view-toggle">
              {t(asTable ? 'ai.stats.showChart' : 'ai.stats.showTable')}
            </button>
          </div>
          <div className="ai-charts">
            <div>
              <h3 className="ai-box-title">{t('ai.stats.daily')}</h3>
              {asTable ? <DailyTable daily={data.dailyStats} /> : <DailyBars daily={data.dailyStats} />}
            </div>
            <div>
              <h3 className="ai-box-title">{t('ai.stats.hourly')}</h3>
              {asTable ? <HourlyTable hourly={data.hourlyDistribution} /> : <HourlyBars hourly={data.hourlyDistribution} />}
            </div>
          </div>
        </>
      ) : null}
    </section>
  );
}
