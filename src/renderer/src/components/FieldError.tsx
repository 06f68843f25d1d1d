interface FieldErrorProps {
  id: string;
  field: string;
  message: string | undefined;
}

/** The message under a field; its test id names the field so tests can find it in any language. */
export function FieldError({ id, field, message }: FieldErrorProps) {
  if (!message) return null;
  return (
    <p className="field-error" id={id} data-testid={`field-error-${field}`}>
      {message}
    </p>
  );
}
