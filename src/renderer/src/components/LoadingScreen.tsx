import { useT } from '../i18n/use-t';

export function LoadingScreen() {
  const t = useT();
  return (
    <div className="center-screen" role="status" aria-live="polite" data-testid="loading">
      <span className="spinner" aria-hidden="true" />
      <span className="muted">{t('app.loading')}</span>
    </div>
  );
}
