import { EmptyState } from '../../components/EmptyState';
import { useT } from '../../i18n/use-t';
import { useRouteStore } from '../../stores/route-store';

/** An address the app has no page for (a mistyped or old link): say so, and offer the way back. */
export function NotFoundPage() {
  const t = useT();
  const navigate = useRouteStore((state) => state.navigate);
  const path = decodeURIComponent(window.location.hash.replace(/^#/, '')) || '/';
  return (
    <EmptyState icon="search" tone="warning" title={t('notFound.title')} className="not-found" testId="not-found-page">
      <p className="muted">
        {t('notFound.body')} <bdi className="not-found-path" data-testid="not-found-path">{path}</bdi>
      </p>
      <a
        href="#/inbox"
        className="button button-primary"
        onClick={(event) => {
          event.preventDefault();
          navigate('inbox');
        }}
        data-testid="not-found-back"
      >
        {t('notFound.back')}
      </a>
    </EmptyState>
  );
}
