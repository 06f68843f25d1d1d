import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import { Alert } from './Alert';
import { Dialog } from './Dialog';

interface ConfirmDialogProps {
  title: string;
  message: string;
  confirmLabel: string;
  danger?: boolean;
  pending: boolean;
  /** Translated failure of the last attempt, if any. */
  error?: ReactNode;
  onConfirm(): void;
  onCancel(): void;
}

export function ConfirmDialog({ title, message, confirmLabel, danger, pending, error, onConfirm, onCancel }: ConfirmDialogProps) {
  const t = useT();
  return (
    <Dialog title={title} onClose={onCancel} busy={pending} size="small" testId="confirm-dialog">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onConfirm();
        }}
      >
        <div className="dialog-body">
          {error ? (
            <Alert tone="error" testId="confirm-error">
              {error}
            </Alert>
          ) : null}
          <p className="dialog-message">{message}</p>
        </div>
        <div className="dialog-footer">
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={pending} autoFocus={danger} data-testid="confirm-cancel">
            {t('common.cancel')}
          </button>
          <button type="submit" className={`button ${danger ? 'button-danger' : 'button-primary'}`} disabled={pending} autoFocus={!danger} data-testid="confirm-ok">
            {confirmLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
