import type { SendErrorCode } from '../../shared/inbox/types';

/** A send the transport refused: permanent ones fail the message, the rest are retried. */
export class SendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    readonly code: SendErrorCode = 'rejected',
  ) {
    super(message);
    this.name = 'SendError';
  }
}

/** Errors that no retry will cure (the recipient is not a WhatsApp user, the id is malformed). */
const permanentPatterns: [RegExp, SendErrorCode][] = [
  [/invalid wid|wid error|not a valid|invalid (chat|phone|number)|No LID for user|not registered|not on whatsapp/i, 'invalid_recipient'],
  [/message too long|payload too large/i, 'rejected'],
];

export function classifySendError(error: unknown): SendError {
  if (error instanceof SendError) return error;
  const message = error instanceof Error ? error.message : String(error);
  for (const [pattern, code] of permanentPatterns) if (pattern.test(message)) return new SendError(message, true, code);
  return new SendError(message, false);
}
