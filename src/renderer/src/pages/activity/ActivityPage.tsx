import { useState } from 'react';
import type { ActivityEntry, ActivityVerifyResult } from '../../../../shared/activity/types';
import type { PublicUser } from '../../../../shared/users/types';
import { call, toApiError } from '../../api/client';
import { Alert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { VirtualList } from '../../components/VirtualList';
import { useOfficeFormat } from '../../format/use-office-format';
import { useQuery } from '../../hooks/use-query';
import { describeError } from '../../i18n/errors';
import { useLanguageStore } from '../../i18n/language-store';
import { usePlural } from '../../i18n/use-plural';
import { useT } from '../../i18n/use-t';
import { activitySentence, SentenceText } from './activity-sentence';
import { ActivityFilters } from './ActivityFilters';
import { downloadActivity } from './export-activity';
import { noActivityFilters, useActivityPages, type ActivityFilters as Filters } from './use-activity-pages';
import { verifyText } from './verify-text';

const loadUsers = () => call('users.list', {});

/** Every row one height (a time over a sentence cut to one line): the virtual list computes their places. */
const rowHeight = 64;

type Check = { state: 'running' } | { state: 'done'; result: ActivityVerifyResult } | { state: 'failed'; reason: string };

export function ActivityPage() {
  const t = useT();
  const count = usePlural();
  const office = useOfficeFormat();
  const [filters, setFilters] = useState(noActivityFilters);
  const users = useQuery<PublicUser[]>(loadUsers);
  const activity = useActivityPages(filters);
  const entries = activity.entries;
  const filtered = filters !== noActivityFilters;
  const [exporting, setExporting] = useState<{ done: number; total: number } | null>(null);
  const [exportError, setExportError] = useState<string | null>(null);
  const [check, setCheck] = useState<Check | null>(null);

  /** A failure in words: the form's message, or the first field's (a filter the core refused). */
  function failureText(thrown: unknown): string {
    const described = describeError(t, toApiError(thrown));
    return described.formMessage ?? Object.values(described.fields)[0] ?? '';
  }

  async function onExport() {
    setExportError(null);
    setExporting({ done: 0, total: 0 });
    try {
      await downloadActivity(filters, t('activity.exportFileName'), (done, total) => setExporting({ done, total }));
    } catch (thrown) {
      setExportError(failureText(thrown));
    } finally {
      setExporting(null);
    }
  }

  async function onVerify() {
    setCheck({ state: 'running' });
    try {
      setCheck({ state: 'done', result: await call('activity.verify', {}) });
    } catch (thrown) {
      setCheck({ state: 'failed', reason: failureText(thrown) });
    }
  }

  return (
    <section className="page activity-page" data-testid="activity-page">
      <PageHeader
        title={t('activity.title')}
        intro={t('activity.intro')}
        actions={
          <div className="activity-actions">
            <button type="button" className="button button-secondary" onClick={() => void onVerify()} disabled={check?.state === 'running'} data-testid="activity-verify">
              {check?.state === 'running' ? t('activity.verifying') : t('activity.verify')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => void onExport()} disabled={exporting !== null} data-testid="activity-export">
              {exporting ? t('activity.exporting', { done: exporting.done, total: exporting.total }) : t('activity.export')}
            </button>
            <button type="button" className="button button-secondary" onClick={activity.reload} disabled={activity.loading} data-testid="activity-refresh">
              {t('common.refresh')}
            </button>
          </div>
        }
      />
      {check && check.state !== 'running' ? (
        <Alert tone={check.state === 'done' && check.result.ok ? 'success' : 'error'} testId="activity-verify-result">
          {check.state === 'done' ? verifyText(t, count, office.formatDateTime, check.result) : t('activity.verify.failed', { reason: check.reason })}
        </Alert>
      ) : null}
      {exportError ? (
        <Alert tone="error" testId="activity-export-error">
          {t('activity.exportFailed', { reason: exportError })}
        </Alert>
      ) : null}
      <ActivityFilters filters={filters} users={users.data ?? []} onChange={setFilters} />
      {activity.error ? (
        <Alert tone="error" testId="activity-error">
          {describeError(t, activity.error).formMessage}
        </Alert>
      ) : null}
      {entries ? (
        <p className="muted activity-count" aria-live="polite" data-testid="activity-count">
          {count('activity.shown', entries.length)}
        </p>
      ) : null}
      <div className="card activity-card">
        {entries && entries.length > 0 ? (
          <VirtualList
            items={entries}
            rowHeight={rowHeight}
            getKey={(entry) => entry.id}
            renderRow={(entry) => <ActivityRow entry={entry} onRecord={(patch) => setFilters({ ...noActivityFilters, ...patch })} />}
            onEndReached={activity.loadMore}
            footer={
              activity.hasMore ? (
                <p className="muted activity-more">{t('app.loading')}</p>
              ) : (
                <p className="muted activity-more" data-testid="activity-end">
                  {t('activity.end')}
                </p>
              )
            }
            label={t('activity.title')}
            testId="activity-table"
          />
        ) : null}
        {entries?.length === 0 ? <p className="table-empty">{filtered ? t('activity.noMatches') : t('activity.empty')}</p> : null}
        {activity.loading && !entries ? <p className="table-empty">{t('app.loading')}</p> : null}
      </div>
    </section>
  );
}

/** One entry: when, and who did what to whom in words; its record's whole history a click away. */
function ActivityRow({ entry, onRecord }: { entry: ActivityEntry; onRecord(filters: Partial<Filters>): void }) {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const office = useOfficeFormat();
  const sentence = activitySentence(t, language, entry);
  return (
    <div className="activity-row" data-testid={`activity-row-${entry.id}`} data-action={entry.action}>
      <div className="activity-row-head muted">
        <time dateTime={entry.createdAt}>{office.formatDateTime(entry.createdAt)}</time>
        {entry.entityType && entry.entityId !== null ? (
          <button
            type="button"
            className="link-button activity-record"
            onClick={() => onRecord({ entityType: entry.entityType!, entityId: String(entry.entityId) })}
            data-testid="activity-record-history"
          >
            {t('activity.recordHistory')}
          </button>
        ) : null}
      </div>
      <div className="activity-sentence" data-testid="activity-sentence">
        <SentenceText sentence={sentence} />
      </div>
    </div>
  );
}
