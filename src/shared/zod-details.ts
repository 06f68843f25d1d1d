import type { z } from 'zod';
import type { FieldError, FieldErrorCode } from './errors';

/** Refinement messages that are reasons of their own: the renderer words each one. */
const namedReasons: ReadonlySet<FieldErrorCode> = new Set<FieldErrorCode>(['unknown_time_zone', 'empty_shift', 'overlapping_shifts', 'ends_before_start', 'date_past', 'below_min']);

/**
 * Turns zod issues into the seed's `details: [{ field, message }]`, plus a code the renderer
 * translates. Shared: the router answers with it, and a form checks itself the same way before sending.
 */
export function zodDetails(error: z.ZodError, input: unknown): FieldError[] {
  return oncePerField(error.issues.map((issue): FieldError => {
    const field = issue.path.map(String).join('.') || '(input)';
    if ((issue.code === 'invalid_type' || issue.code === 'invalid_value') && issue.path.length > 0 && valueAt(input, issue.path) === undefined) {
      return { field, code: 'required', message: `${field} is required` };
    }
    switch (issue.code) {
      case 'invalid_type':
        if (issue.expected === 'int' && Number.isFinite(valueAt(input, issue.path))) return { field, code: 'not_integer', message: `${field} must be a whole number` };
        return { field, code: 'invalid', message: `${field} has the wrong type` };
      case 'too_small':
        if (numericOrigins.has(issue.origin)) return { field, code: 'min_value', message: issue.message, params: { min: Number(issue.minimum) } };
        if (issue.origin === 'string' && Number(issue.minimum) <= 1) {
          return { field, code: 'required', message: `${field} is required` };
        }
        return { field, code: 'too_short', message: issue.message, params: { min: Number(issue.minimum) } };
      case 'too_big':
        if (numericOrigins.has(issue.origin)) return { field, code: 'max_value', message: issue.message, params: { max: Number(issue.maximum) } };
        return { field, code: 'too_long', message: issue.message, params: { max: Number(issue.maximum) } };
      case 'invalid_format':
        return issue.format === 'email'
          ? { field, code: 'invalid_email', message: 'Invalid email address' }
          : { field, code: 'invalid', message: issue.message };
      case 'custom':
        // A refinement names its reason in its message when it is one the renderer knows.
        if (issue.message === 'required') return { field, code: 'required', message: `${field} is required` };
        if (issue.message === 'not_integer') return { field, code: 'not_integer', message: `${field} must be a whole number` };
        return namedReasons.has(issue.message as FieldErrorCode) ? { field, code: issue.message as FieldErrorCode, message: issue.message } : { field, code: 'invalid', message: issue.message };
      case 'unrecognized_keys':
        return { field: issue.keys.join(','), code: 'invalid', message: 'Unknown field' };
      default:
        return { field, code: 'invalid', message: issue.message };
    }
  }));
}

/**
 * `int` is zod's own bound for `.int()` (the safe-integer range), checked beside the field's
 * `.min()`/`.max()`: a number is past its range whichever bound it crossed, never "too long".
 */
const numericOrigins = new Set<string>(['number', 'int', 'bigint']);

/**
 * A number far past its range crosses both zod's safe-integer bound and the field's own; the
 * caller hears once, about the field's (the tighter) bound.
 */
function oncePerField(details: FieldError[]): FieldError[] {
  const kept = new Map<string, FieldError>();
  const out: FieldError[] = [];
  for (const detail of details) {
    if (detail.code !== 'max_value' && detail.code !== 'min_value') {
      out.push(detail);
      continue;
    }
    const key = `${detail.field}\u0000${detail.code}`;
    const earlier = kept.get(key);
    if (!earlier) {
      kept.set(key, detail);
      out.push(detail);
    } else if (tighter(detail, earlier)) {
      out[out.indexOf(earlier)] = detail;
      kept.set(key, detail);
    }
  }
  return out;
}

function tighter(a: FieldError, b: FieldError): boolean {
  return a.code === 'max_value' ? Number(a.params?.max) < Number(b.params?.max) : Number(a.params?.min) > Number(b.params?.min);
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
