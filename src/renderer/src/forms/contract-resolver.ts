import { toNestErrors } from '@hookform/resolvers';
import type { FieldErrors, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';
import type { FieldError as ContractFieldError } from '../../../shared/errors';
import { zodDetails } from '../../../shared/zod-details';

/**
 * A field's failure as react-hook-form keeps it: the contract's detail (code and params) in
 * the message, so the field is worded when shown — in the language of that moment — and a
 * form's own check reads exactly like the core's answer to the same input.
 */
export function encodeDetail(detail: ContractFieldError): string {
  return JSON.stringify({ code: detail.code, params: detail.params });
}

export function decodeDetail(message: string | undefined): Pick<ContractFieldError, 'code' | 'params'> | null {
  if (!message) return null;
  try {
    const parsed = JSON.parse(message) as Pick<ContractFieldError, 'code' | 'params'>;
    return typeof parsed.code === 'string' ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Checks a form with the contract's own zod schema before anything is sent. Issues become the
 * same `{ field, code }` details the router sends (src/shared/zod-details.ts), keyed by their
 * dotted path, so `shifts.1.end` lands under the second shift's end.
 */
export function contractResolver<S extends z.ZodType<unknown, FieldValues>>(schema: S): Resolver<z.input<S> & FieldValues, unknown, z.output<S>> {
  return async (values, _context, options) => {
    const parsed = await schema.safeParseAsync(values);
    if (parsed.success) return { values: parsed.data, errors: {} };
    const flat: Record<string, { type: string; message: string }> = {};
    for (const detail of zodDetails(parsed.error, values)) flat[detail.field] ??= { type: detail.code, message: encodeDetail(detail) };
    return { values: {}, errors: toNestErrors(flat as FieldErrors, options) };
  };
}
