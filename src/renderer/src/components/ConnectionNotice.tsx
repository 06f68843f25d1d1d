import { useEffect } from 'react';
import { useAppInfoStore } from '../stores/app-info-store';
import { useT } from '../i18n/use-t';

/** How the host serves this browser; known before sign-in (`app.info` is public). */
function useConnection() {
  const connection = useAppInfoStore((state) => state.info?.connection);
  useEffect(() => {
    void useAppInfoStore.getState().load();
  }, []);
  return connection;
}

/**
 * The host's certificate fingerprint under the sign-in card, so an agent can compare it with
 * what the browser shows (and what the office computer printed) before typing a password.
 */
export function ConnectionFingerprint() {
  const t = useT();
  const connection = useConnection();
  if (connection?.security !== 'tls' || !connection.fingerprint256) return null;
  return (
    <footer className="auth-connection" data-testid="connection-fingerprint">
      <span>{t('connection.fingerprint')}</span>
      <code dir="ltr">{connection.fingerprint256}</code>
      <small>{t('connection.fingerprintHint')}</small>
    </footer>
  );
}

/** Plain HTTP on the office network (`--lan-insecure`) is never silent. */
export function InsecureConnectionBanner() {
  const t = useT();
  const connection = useConnection();
  if (connection?.security !== 'insecure') return null;
  return (
    <div className="insecure-banner" role="alert" data-testid="insecure-connection-banner">
      {t('connection.insecure')}
    </div>
  );
}
