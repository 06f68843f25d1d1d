import { useId } from 'react';
import { FieldError } from './FieldError';

interface SelectFieldProps<V extends string> {
  name: string;
  label: string;
  value: V;
  options: readonly { value: V; label: string }[];
  onChange(value: V): void;
  error?: string | undefined;
  testId: string;
  disabled?: boolean;
  /** For compact toolbars: the label is still read out, just not shown. */
  hideLabel?: boolean;
}

export function SelectField<V extends string>({ name, label, value, options, onChange, error, testId, disabled, hideLabel }: SelectFieldProps<V>) {
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label className={hideLabel ? 'field-label visually-hidden' : 'field-label'} htmlFor={id}>
        {label}
      </label>
      <div className="select-wrap">
        <select
          id={id}
          name={name}
          className="input select"
          value={value}
          disabled={disabled}
          onChange={(event) => onChange(event.target.value as V)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
          data-testid={testId}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
        <svg className="select-chevron" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
          <path d="m6 9 6 6 6-6" />
        </svg>
      </div>
      <FieldError id={errorId} field={name} message={error} />
    </div>
  );
}
