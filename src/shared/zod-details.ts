import type { z } from 'zod';
import type { FieldError } from './errors';

/**
 * Turns zod issues into the seed's `details: [{ field, message }]`, plus a code the renderer
 * translates. Shared: the router answers with it, and a form checks itself the same way before sending.
 */
export function zodDetails(error: z.ZodError, input: unknown): FieldError[] {
  return error.issues.map((issue): FieldError => {
    const field = issue.path.map(String).join('.') || '(input)';
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
      return { field, code: 'required', message: `${field} is required` };
    }
    switch (issue.code) {
      case 'invalid_type':
        if (issue.expected === 'int' && Number.isFinite(valueAt(input, issue.path))) return { field, code: 'not_integer', message: `${field} must be a whole number` };
        return { field, code: 'invalid', message: `${field} has the wrong type` };
      case 'too_small':
        if (issue.origin === 'number') return { field, code: 'min_value', message: issue.message, params: { min: Number(issue.minimum) } };
        if (issue.origin === 'string' && Number(issue.minimum) <= 1) {
          return { field, code: 'required', message: `${field} is required` };
        }
        return { field, code: 'too_short', message: issue.message, params: { min: Number(issue.minimum) } };
      case 'too_big':
        if (issue.origin === 'number') return { field, code: 'max_value', message: issue.message, params: { max: Number(issue.maximum) } };
        return { field, code: 'too_long', message: issue.message, params: { max: Number(issue.maximum) } };
      case 'invalid_format':
        return issue.format === 'email'
          ? { field, code: 'invalid_email', message: 'Invalid email address' }
          : { field, code: 'invalid', message: issue.message };
      case 'custom':
        // A refinement names its reason in its message when it is one the renderer knows.
        return issue.message === 'required'
          ? { field, code: 'required', message: `${field} is required` }
          : { field, code: 'invalid', message: issue.message };
      case 'unrecognized_keys':
        return { field: issue.keys.join(','), code: 'invalid', message: 'Unknown field' };
      default:
        return { field, code: 'invalid', message: issue.message };
    }
  });
}

/** Zod does not report the offending input by default; look it up to tell "missing" from "wrong". */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
