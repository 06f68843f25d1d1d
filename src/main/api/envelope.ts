import type { ServerResponse } from 'node:http';
import type { ApiError, ErrorCode } from '../../shared/errors';
import { defaultErrorMessages } from '../../shared/errors';

/** Seed 003's error codes as HTTP statuses. */
export const httpStatusOf: Record<ErrorCode, number> = {
  VALIDATION_ERROR: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE_ENTITY: 422,
  RATE_LIMIT_EXCEEDED: 429,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
};

/** The status for an error: a file over its size limit is 413, the rest by code. */
export function statusFor(error: ApiError): number {
  if (Array.isArray(error.details) && error.details.some((d) => d.code === 'media_too_large')) return 413;
  return httpStatusOf[error.code];
}

/** An error answered by the API layer itself (before or around the contract call), with its HTTP status. */
export class HttpFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError,
    readonly headers: Record<string, string> = {},
  ) {
    super(error.message);
  }
}

export function failure(status: number, code: ErrorCode, details?: ApiError['details'], extra: Partial<ApiError> = {}, headers: Record<string, string> = {}): HttpFailure {
  return new HttpFailure(status, { code, message: extra.message ?? defaultErrorMessages[code], ...(details !== undefined ? { details } : {}), ...extra }, headers);
}

export interface Answer {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

const baseHeaders = {
  'Content-Type': 'application/json; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
};

export function writeJson(res: ServerResponse, answer: Answer, extraHeaders: Record<string, string> = {}): void {
  if (res.headersSent || res.destroyed) return;
  const text = JSON.stringify(answer.body);
  res.writeHead(answer.status, { ...baseHeaders, ...extraHeaders, ...answer.headers, 'Content-Length': String(Buffer.byteLength(text)) });
  res.end(text);
}

export const errorAnswer = (status: number, error: ApiError, headers?: Record<string, string>): Answer => ({
  status,
  body: { success: false, error },
  ...(headers ? { headers } : {}),
});
