import { useT } from '../i18n/use-t';
import { SubmitButton } from './SubmitButton';

interface FormDialogFooterProps {
  submitLabel: string;
  pending: boolean;
  onCancel(): void;
  /** `<prefix>-cancel` and `<prefix>-submit` are the buttons' test ids. */
  testIdPrefix: string;
}

/** A form dialog's Cancel and submit buttons; both wait while the call is under way. */
export function FormDialogFooter({ submitLabel, pending, onCancel, testIdPrefix }: FormDialogFooterProps) {
  const t = useT();
  return (
    <div className="dialog-footer">
      <button type="button" className="button button-secondary" onClick={onCancel} disabled={pending} data-testid={`${testIdPrefix}-cancel`}>
        {t('common.cancel')}
      </button>
      <SubmitButton label={submitLabel} pending={pending} testId={`${testIdPrefix}-submit`} />
    </div>
  );
}
