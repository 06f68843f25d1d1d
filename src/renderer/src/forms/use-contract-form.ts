import { useCallback, useMemo, useState, type FormEvent } from 'react';
import { get, useForm, type DefaultValues, type FieldPath, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { ApiError } from '../../../shared/errors';
import { toApiError } from '../api/client';
import { describeError, fieldErrorText } from '../i18n/errors';
import { useT } from '../i18n/use-t';
import { contractResolver, decodeDetail, encodeDetail } from './contract-resolver';

export interface ContractForm<S extends z.ZodType<unknown, FieldValues>> extends UseFormReturn<z.input<S> & FieldValues, unknown, z.output<S>> {
  /** Checks with the schema, then runs `action` with the parsed values; the core's field errors land under their fields. Resolves true when saved. */
  submit(action: (values: z.output<S>) => Promise<unknown>): (event?: FormEvent) => Promise<boolean>;
  /** The failure shown above the form (no field to put it under), in the current language. */
  formMessage: string | undefined;
  /** The last failure from the core, for a form that words some codes its own way. */
  serverError: ApiError | null;
  /** A field's error in the current language. */
  errorOf(name: string): string | undefined;
  pending: boolean;
}

/**
 * The one way to build a form: react-hook-form fed by the contract's zod schema. The same
 * schema checks the form before sending and the router after, and both answers are worded by
 * the same translations. `defaultValues` names the fields the form shows: a core error about
 * any other field goes above the form rather than getting lost.
 */
export function useContractForm<S extends z.ZodType<unknown, FieldValues>>(schema: S, defaultValues: DefaultValues<z.input<S> & FieldValues>): ContractForm<S> {
  const t = useT();
  const form = useForm<z.input<S> & FieldValues, unknown, z.output<S>>({ resolver: contractResolver(schema), defaultValues, mode: 'onTouched' });
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [pending, setPending] = useState(false);

  const submit = useCallback(
    (action: (values: z.output<S>) => Promise<unknown>) => async (event?: FormEvent) => {
      event?.preventDefault();
      let saved = false;
      await form.handleSubmit(async (values) => {
        setPending(true);
        setServerError(null);
        try {
          await action(values);
          saved = true;
        } catch (thrown) {
          const error = toApiError(thrown);
          const stray = placeFieldErrors(form, error, defaultValues);
          setServerError(stray);
        } finally {
          setPending(false);
        }
      })(event);
      return saved;
    },
    [form, defaultValues],
  );

  const errors = form.formState.errors;
  const errorOf = useCallback(
    (name: string) => {
      const error = get(errors, name) as { message?: string } | undefined;
      const detail = decodeDetail(error?.message);
      return detail ? fieldErrorText(t, { field: name, message: '', ...detail }) : error?.message;
    },
    [errors, t],
  );
  const formMessage = useMemo(() => (serverError ? describeError(t, serverError, []).formMessage : undefined), [serverError, t]);
  return { ...form, submit, formMessage, serverError, errorOf, pending };
}

/**
 * Puts each of the core's field details under its field when the form shows that field, and
 * returns what is left for the form's own message (null when everything found a field).
 */
function placeFieldErrors<V extends FieldValues>(form: UseFormReturn<V, unknown, unknown>, error: ApiError, shown: unknown): ApiError | null {
  if (!Array.isArray(error.details)) return error;
  const rest = error.details.filter((detail) => {
    if (get(shown, detail.field) === undefined) return true;
    form.setError(detail.field as FieldPath<V>, { type: 'server', message: encodeDetail(detail) }, { shouldFocus: true });
    return false;
  });
  if (rest.length === error.details.length) return error;
  return rest.length > 0 ? { ...error, details: rest } : null;
}
