import { useT } from '../i18n/use-t';

interface SubmitButtonProps {
  label: string;
  pending: boolean;
  testId: string;
  /** Shown while the call is under way; "Saving…" unless the form says otherwise. */
  pendingLabel?: string;
  /** Full width, as on the sign-in and setup cards. */
  block?: boolean;
}

/** A form's primary button: disabled while its call is under way, so a double click sends once. */
export function SubmitButton({ label, pending, testId, pendingLabel, block = false }: SubmitButtonProps) {
  const t = useT();
  return (
    <button type="submit" className={block ? 'button button-primary button-block' : 'button button-primary'} disabled={pending} data-testid={testId}>
      {pending ? (pendingLabel ?? t('common.saving')) : label}
    </button>
  );
}
