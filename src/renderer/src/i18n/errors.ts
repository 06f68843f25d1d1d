import type { ApiError, FieldError } from '../../../shared/errors';
import { errorReasons } from '../../../shared/errors';
import { isMessageKey, type MessageKey } from './dictionary';
import type { Translate } from './translate';

export interface DescribedError {
  /** Shown above the form; absent when field messages say it all. */
  formMessage?: string;
  /** Field name → message, shown under the field. */
  fields: Record<string, string>;
}

type ReasonKey = `reason.${(typeof errorReasons)[keyof typeof errorReasons]}`;
/** Every reason the core can give has a text: a new one without fails the typecheck. */
const everyReasonTranslated: ReasonKey extends MessageKey ? true : never = true;
void everyReasonTranslated;

const waitReasons: ReadonlySet<string> = new Set([errorReasons.tooManyAttempts, errorReasons.tooManyRequests]);

export function fieldErrorText(t: Translate, detail: FieldError): string {
  return t(`fieldError.${detail.code}`, detail.params);
}

function reasonText(t: Translate, error: ApiError, reason: string): string | undefined {
  const key = `reason.${reason}`;
  if (!isMessageKey(key)) return undefined;
  // A wait message without a wait makes no sense: fall back to the code's text.
  if (waitReasons.has(reason) && error.retryAfter === undefined) return undefined;
  return t(key, { seconds: error.retryAfter ?? 0 });
}

/**
 * The core's error in the current language. Field details go under their fields when the form
 * has them (`formFields`); anything else, and errors without details, go above the form.
 */
export function describeError(t: Translate, error: ApiError, formFields?: readonly string[]): DescribedError {
  const fields: Record<string, string> = {};
  const stray: string[] = [];
  let formMessage: string | undefined;

  if (Array.isArray(error.details)) {
    for (const detail of error.details) {
      const text = fieldErrorText(t, detail);
      if (!formFields || formFields.includes(detail.field)) fields[detail.field] ??= text;
      else stray.push(t('error.unknownField', { field: detail.field, message: text }));
    }
    if (stray.length > 0) formMessage = [t(`error.${error.code}`), ...stray].join(' ');
    else if (Object.keys(fields).length === 0) formMessage = t(`error.${error.code}`);
  } else {
    const reason = typeof error.details === 'string' ? reasonText(t, error, error.details) : undefined;
    const rateLimit = error.code === 'RATE_LIMIT_EXCEEDED' && error.retryAfter !== undefined;
    formMessage = reason ?? (rateLimit ? t('reason.too_many_requests', { seconds: error.retryAfter ?? 0 }) : t(`error.${error.code}`));
  }

  // Support finds the log line for an unexpected failure by this id.
  if (error.code === 'INTERNAL_ERROR' && error.requestId) {
    formMessage = `${formMessage ?? t('error.INTERNAL_ERROR')} ${t('error.requestId', { requestId: error.requestId })}`;
  }
  return formMessage === undefined ? { fields } : { formMessage, fields };
}

/** A form's own check (e.g. the confirmation differs), in the core's error shape. */
export function clientFieldError(field: string, code: FieldError['code']): ApiError {
  return { code: 'VALIDATION_ERROR', message: 'Client-side validation failed', details: [{ field, code, message: code }] };
}
