import type { ApiError, ErrorCode, FieldError, FieldErrorCode } from '../../shared/errors';
import { defaultErrorMessages } from '../../shared/errors';

/** An expected failure a service throws; the router turns it into the seed's error format. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: FieldError[] | string,
    readonly retryAfter?: number,
    message?: string,
  ) {
    super(message ?? defaultErrorMessages[code]);
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.details !== undefined ? { details: this.details } : {}),
      ...(this.retryAfter !== undefined ? { retryAfter: this.retryAfter } : {}),
    };
  }
}

export function fieldError(field: string, code: FieldErrorCode, message: string, errCode: ErrorCode = 'VALIDATION_ERROR'): AppError {
  return new AppError(errCode, [{ field, code, message }]);
}
