import { useId } from 'react';
import { FieldError } from './FieldError';

/**
 * A field's id, what its control is described by, and the hint or error shown under it:
 * the hint while there is no error, the error (with its test id) once there is one.
 */
export function useFieldHelp(name: string, hint: string | undefined, error: string | undefined) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const help = (
    <>
      {hint && !error ? (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} field={name} message={error} />
    </>
  );
  return { id, describedBy, help };
}
