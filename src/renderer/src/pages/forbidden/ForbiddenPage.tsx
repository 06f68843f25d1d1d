import { call } from '../../api/client';
import { EmptyState } from '../../components/EmptyState';
import { LoadingScreen } from '../../components/LoadingScreen';
import { useQuery } from '../../hooks/use-query';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { useRouteStore, type Route } from '../../stores/route-store';
import { pageChannel } from '../shell/access';

/**
 * A page this role does not see. We still ask the core, so the refusal shown is the core's
 * (the menu hides the page; the core is what actually guards it).
 */
export function ForbiddenPage({ route }: { route: Route }) {
  const t = useT();
  const navigate = useRouteStore((state) => state.navigate);
  const probe = useQuery(() => call(pageChannel(route), {}));
  if (probe.loading) return <LoadingScreen />;
  const message = probe.error ? describeError(t, probe.error).formMessage : undefined;
  return (
    <EmptyState icon="lock" tone="warning" title={t('forbidden.title')} className="forbidden" testId="forbidden-page">
      <p className="muted" role="alert" data-testid="forbidden-message">
        {message ?? t('error.FORBIDDEN')}
      </p>
      <button type="button" className="button button-secondary" onClick={() => navigate('profile')}>
        {t('forbidden.back')}
      </button>
    </EmptyState>
  );
}
