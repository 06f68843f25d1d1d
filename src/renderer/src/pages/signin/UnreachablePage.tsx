import { Alert } from '../../components/Alert';
import { AuthLayout } from '../../components/AuthLayout';
import { describeError } from '../../i18n/errors';
import { useT } from '../../i18n/use-t';
import { boot } from '../../stores/session-actions';
import { useSessionStore } from '../../stores/session-store';

/** The start-up check could not reach the core; the transport keeps trying in the background. */
export function UnreachablePage() {
  const t = useT();
  const error = useSessionStore((state) => state.bootError);
  return (
    <AuthLayout title={t('app.unreachable')}>
      {error ? (
        <Alert tone="error" testId="boot-error">
          {describeError(t, error).formMessage}
        </Alert>
      ) : null}
      <button type="button" className="button button-primary button-block" onClick={() => void boot()} data-testid="boot-retry">
        {t('app.retry')}
      </button>
    </AuthLayout>
  );
}
