import { useState } from 'react';
import type { PublicUser } from '../../../../shared/users/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { useOfficeFormat } from '../../format/use-office-format';
import { useQuery } from '../../hooks/use-query';
import { describeError } from '../../i18n/errors';
import { useLanguageStore } from '../../i18n/language-store';
import { usePlural } from '../../i18n/use-plural';
import { useT } from '../../i18n/use-t';
import { activitySentence, SentenceText } from './activity-sentence';
import { ActivityFilters } from './ActivityFilters';
import { noActivityFilters, useActivityPages } from './use-activity-pages';

const loadUsers = () => call('users.list', {});

export function ActivityPage() {
  const t = useT();
  const count = usePlural();
  const language = useLanguageStore((state) => state.language);
  const office = useOfficeFormat();
  const [filters, setFilters] = useState(noActivityFilters);
  const users = useQuery<PublicUser[]>(loadUsers);
  const activity = useActivityPages(filters);
  const entries = activity.entries;
  const filtered = filters !== noActivityFilters;

  return (
    <section className="page" data-testid="activity-page">
      <PageHeader
        title={t('activity.title')}
        intro={t('activity.intro')}
        actions={
          <button type="button" className="button button-secondary" onClick={activity.reload} disabled={activity.loading} data-testid="activity-refresh">
            {t('common.refresh')}
          </button>
        }
      />
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
      <div className="card table-card">
        <table className="table activity-table" data-testid="activity-table">
          <thead>
            <tr>
              <th scope="col">{t('activity.col.time')}</th>
              <th scope="col">{t('activity.col.what')}</th>
            </tr>
          </thead>
          <tbody>
            {(entries ?? []).map((entry) => (
              <tr key={entry.id} data-testid={`activity-row-${entry.id}`} data-action={entry.action}>
                <td className="nowrap muted">
                  <time dateTime={entry.createdAt}>{office.formatDateTime(entry.createdAt)}</time>
                </td>
                <td className="activity-sentence" data-testid="activity-sentence">
                  <SentenceText sentence={activitySentence(t, language, entry)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {entries?.length === 0 ? <p className="table-empty">{filtered ? t('activity.noMatches') : t('activity.empty')}</p> : null}
        {activity.loading && !entries ? <p className="table-empty">{t('app.loading')}</p> : null}
        {entries && entries.length > 0 ? (
          <div className="activity-more">
            {activity.hasMore ? (
              <button type="button" className="button button-secondary" onClick={activity.loadMore} disabled={activity.loading} data-testid="activity-load-more">
                {t('activity.loadMore')}
              </button>
            ) : (
              <p className="muted" data-testid="activity-end">
                {t('activity.end')}
              </p>
            )}
          </div>
        ) : null}
      </div>
    </section>
  );
}
