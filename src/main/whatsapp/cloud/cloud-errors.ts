import type { SendErrorCode } from '../../../shared/inbox/types';
import { SendError } from '../../outbox/send-errors';
import type { GraphError } from './graph-client';

/**
 * Meta's send errors sorted the way the outbox acts on them
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes):
 * throttling (130429, 131056 per recipient pair), Meta's own temporary trouble (codes 1 and 2)
 * and 5xx are retried with the outbox's backoff; these fail the message with a reason the
 * thread shows; 190 (token) takes the number down instead (see CloudTransport).
 */
export const retriedMetaCodes: readonly number[] = [130429, 131056, 1, 2];
export const permanentMetaCodes: Readonly<Record<number, SendErrorCode>> = {
  131047: 'meta_131047',
  131026: 'meta_131026',
  131049: 'meta_131049',
  131050: 'meta_131050',
  132000: 'meta_132000',
  100: 'meta_100',
};

export const tokenExpiredCode = 190;

/** A failed Graph call as the outbox's SendError: retried, or failed for good with its code. */
export function sendErrorOf(error: GraphError): SendError {
  const text = `Meta ${error.code ?? error.status ?? error.kind}: ${error.message}${error.fbtraceId ? ` (fbtrace_id ${error.fbtraceId})` : ''}`;
  if (error.kind !== 'meta') return new SendError(text, false);
  if (error.code !== null && retriedMetaCodes.includes(error.code)) return new SendError(text, false);
  if (error.status !== null && error.status >= 500) return new SendError(text, false);
  const code = error.code === null ? undefined : permanentMetaCodes[error.code];
  if (code) return new SendError(text, true, code);
  // Any other refusal (4xx) will not change by sending the same request again.
  return new SendError(text, true, 'rejected');
}
