import { useCallback, useMemo, useState } from 'react';
import type { ApiError } from '../../../shared/errors';
import { toApiError } from '../api/client';
import { describeError, type DescribedError } from '../i18n/errors';
import { useT } from '../i18n/use-t';

export interface Submission {
  pending: boolean;
  /** The last failure, translated now so a language switch re-translates it. */
  shown: DescribedError;
  hasError: boolean;
  /** The last failure as the core gave it, for a form that words some codes its own way. */
  error: ApiError | null;
  /** Runs the action; resolves true on success, false when it failed (the error is kept for display). */
  run(action: () => Promise<unknown>): Promise<boolean>;
  fail(error: ApiError): void;
  reset(): void;
}

const noErrors: DescribedError = { fields: {} };

/** Pending state and translated errors for one form; `fields` are the names the form shows. */
export function useSubmit(fields: readonly string[]): Submission {
  const t = useT();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const run = useCallback(async (action: () => Promise<unknown>) => {
    setPending(true);
    setError(null);
    try {
      await action();
      return true;
    } catch (thrown) {
      setError(toApiError(thrown));
      return false;
    } finally {
      setPending(false);
    }
  }, []);

  const shown = useMemo(() => (error ? describeError(t, error, fields) : noErrors), [t, error, fields]);
  const reset = useCallback(() => setError(null), []);
  return { pending, shown, hasError: error !== null, error, run, fail: setError, reset };
}
