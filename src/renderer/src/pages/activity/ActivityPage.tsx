import type { ActivityEntry } from '../../../../shared/activity/types';
import { call } from '../../api/client';
import { Alert } from '../../components/Alert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format/dates';
import { useQuery } from '../../hooks/use-query';
import { describeError } from '../../i18n/errors';
import { activityActionLabel, activityTargetLabel } from '../../i18n/labels';
import { useLanguageStore } from '../../i18n/language-store';
import { useT } from '../../i18n/use-t';

const loadActivity = () => call('activity.list', { limit: 100 });

export function ActivityPage() {
  const t = useT();
  const language = useLanguageStore((state) => state.language);
  const activity = useQuery<ActivityEntry[]>(loadActivity);

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
      {activity.error ? (
        <Alert tone="error" testId="activity-error">
          {describeError(t, activity.error).formMessage}
        </Alert>
      ) : null}
      <div className="card table-card">
        <table className="table" data-testid="activity-table">
          <thead>
            <tr>
              <th scope="col">{t('activity.col.time')}</th>
              <th scope="col">{t('activity.col.user')}</th>
              <th scope="col">{t('activity.col.action')}</th>
              <th scope="col">{t('activity.col.target')}</th>
            </tr>
          </thead>
          <tbody>
            {(activity.data ?? []).map((entry) => (
              <tr key={entry.id} data-testid={`activity-row-${entry.id}`} data-action={entry.action}>
                <td className="nowrap">
                  <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt, language)}</time>
                </td>
                <td>{entry.userName ?? t('activity.system')}</td>
                <td>{activityActionLabel(t, entry.action)}</td>
                <td className="muted">
                  <bdi>{activityTargetLabel(t, entry)}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {activity.data?.length === 0 ? <p className="table-empty">{t('activity.empty')}</p> : null}
        {activity.loading && !activity.data ? <p className="table-empty">{t('app.loading')}</p> : null}
      </div>
    </section>
  );
}
