import { useRef, useState, type ReactNode } from 'react';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';

interface SecretDialogProps {
  secret: string;
  title: string;
  /** Says this is the only time the secret is shown. */
  warning: string;
  /** `<prefix>-secret-dialog`, `<prefix>-secret-once`, `<prefix>-secret`, `<prefix>-copy`, `<prefix>-secret-done`. */
  testIdPrefix: string;
  onClose(): void;
  /** What the secret belongs to, above it. */
  children?: ReactNode;
}

/** A new secret (an API key, a webhook's signing secret), shown this once; closing the dialog forgets it. */
export function SecretDialog({ secret, title, warning, testIdPrefix, onClose, children }: SecretDialogProps) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const secretRef = useRef<HTMLElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      // No clipboard outside a secure context (a LAN browser): select it for Ctrl+C instead.
      const selection = window.getSelection();
      if (secretRef.current && selection) selection.selectAllChildren(secretRef.current);
    }
  }

  return (
    <Dialog title={title} onClose={onClose} testId={`${testIdPrefix}-secret-dialog`}>
      <div className="dialog-body">
        <Alert tone="info" testId={`${testIdPrefix}-secret-once`}>
          {warning}
        </Alert>
        {children}
        <p className="api-secret">
          <code dir="ltr" ref={secretRef} data-testid={`${testIdPrefix}-secret`}>
            {secret}
          </code>
        </p>
      </div>
      <div className="dialog-footer">
        <button type="button" className="button button-secondary" onClick={() => void copy()} data-testid={`${testIdPrefix}-copy`}>
          {copied ? t('integrations.secret.copied') : t('integrations.secret.copy')}
        </button>
        <button type="button" className="button button-primary" onClick={onClose} data-testid={`${testIdPrefix}-secret-done`}>
          {t('integrations.secret.done')}
        </button>
      </div>
    </Dialog>
  );
}
