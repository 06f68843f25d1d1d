import { useRef, useState } from 'react';
import type { CreatedApiKey } from '../../../../shared/integrations/types';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';

/** The new key's secret, shown this once; closing the dialog forgets it. */
export function SecretDialog({ created, onClose }: { created: CreatedApiKey; onClose(): void }) {
  const t = useT();
  const [copied, setCopied] = useState(false);
  const secretRef = useRef<HTMLElement>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(created.secret);
      setCopied(true);
    } catch {
      // No clipboard outside a secure context (a LAN browser): select it for Ctrl+C instead.
      const selection = window.getSelection();
      if (secretRef.current && selection) selection.selectAllChildren(secretRef.current);
    }
  }

  return (
    <Dialog title={t('integrations.secret.title')} onClose={onClose} testId="api-key-secret-dialog">
      <div className="dialog-body">
        <Alert tone="info" testId="api-key-secret-once">
          {t('integrations.secret.once')}
        </Alert>
        <p className="api-secret">
          <code dir="ltr" ref={secretRef} data-testid="api-key-secret">
            {created.secret}
          </code>
        </p>
      </div>
      <div className="dialog-footer">
        <button type="button" className="button button-secondary" onClick={() => void copy()} data-testid="api-key-copy">
          {copied ? t('integrations.secret.copied') : t('integrations.secret.copy')}
        </button>
        <button type="button" className="button button-primary" onClick={onClose} data-testid="api-key-secret-done">
          {t('integrations.secret.done')}
        </button>
      </div>
    </Dialog>
  );
}
