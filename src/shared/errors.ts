/**
 * The error format of seed 003 ("Error Responses"): every failed call answers with
 * `{ success: false, error: { code, message, details?, retryAfter?, requestId? } }`.
 * `message` is English for logs and API callers; the renderer shows its own Arabic or
 * English text chosen by `code` and, for field errors, by each detail's `code`.
 */
export const errorCodes = [
  'VALIDATION_ERROR',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'UNPROCESSABLE_ENTITY',
  'RATE_LIMIT_EXCEEDED',
  'INTERNAL_ERROR',
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** Machine-readable reasons a field was refused; the renderer translates them. */
export type FieldErrorCode =
  | 'required'
  | 'invalid'
  | 'invalid_email'
  | 'too_short'
  | 'too_long'
  /** A number below its minimum, above its maximum, or with a fraction where a whole one is asked. */
  | 'min_value'
  | 'max_value'
  | 'not_integer'
  | 'email_taken'
  | 'wrong_password'
  | 'same_password'
  | 'passwords_differ'
  | 'last_admin'
  | 'invalid_phone'
  | 'unbalanced_braces'
  | 'invalid_variable'
  | 'unknown_variable'
  | 'name_taken'
  | 'unknown_user'
  | 'no_access'
  | 'phone_taken'
  | 'csv_malformed'
  | 'csv_empty'
  | 'csv_too_many_rows'
  | 'media_type_not_allowed'
  | 'media_content_mismatch'
  | 'media_too_large'
  | 'media_size_mismatch'
  | 'too_many_photos'
  /** The office's week: a zone Intl does not know, a shift of no length, shifts that overlap, a range that ends before it starts. */
  | 'unknown_time_zone'
  | 'empty_shift'
  | 'overlapping_shifts'
  | 'ends_before_start'
  /** Backups: the chosen folder is missing, or cannot be written. */
  | 'folder_missing'
  | 'folder_not_writable'
  /** A record others belong to (a branch with numbers, users, properties); `params` counts them. */
  | 'in_use'
  /** A property card without a present, unexpired REGA advertising licence. */
  | 'licence_missing'
  | 'licence_expired'
  /** Viewings: a start already gone, outside office hours, on a holiday, the agent busy then, or a status that cannot follow. */
  | 'in_past'
  | 'outside_office_hours'
  | 'office_holiday'
  | 'agent_busy'
  | 'invalid_transition'
  /** A day already over in the office's calendar. */
  | 'date_past'
  /** Another offer on the property is accepted already; params name it (`offerId`). */
  | 'offer_already_accepted'
  /** Invoices: text past a byte limit (the QR's seller name, 127 UTF-8 bytes); a VAT number that is not 15 digits starting and ending with 3. */
  | 'too_many_bytes'
  | 'invalid_vat_number'
  /** A payment above what is still owed; a credit note above what the invoice has left. */
  | 'exceeds_balance'
  /**
   * Automation rules: a negative delay on a trigger that has no "before" (only reminders do); a
   * no-response delay shorter than its window (`params.min` minutes); the template gone or
   * switched off; a template variable the trigger cannot fill (`params.name`); the number gone
   * or removed; a template that rules still use cannot be deleted (`params.rules` names them).
   */
  | 'negative_delay'
  | 'shorter_than_window'
  | 'template_missing'
  | 'template_inactive'
  | 'variable_not_fillable'
  | 'number_missing'
  | 'number_removed'
  | 'used_by_rules'
  /** A range's upper end below its lower one (a contact's budget). */
  | 'below_min'
  /**
   * Issue 19: the Graph API refused the access token (Meta 190), knows no such phone-number or
   * WABA id (Meta 100), or could not be reached; a Cloud id already linked; free text outside the
   * 24-hour window; a template given the wrong number of values (`params.expected`, `params.given`).
   */
  | 'graph_token_invalid'
  | 'graph_unknown_id'
  | 'graph_unreachable'
  | 'cloud_id_taken'
  | 'window_closed'
  | 'parameter_count';

export interface FieldError {
  field: string;
  code: FieldErrorCode;
  message: string;
  params?: Record<string, number | string>;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field errors for VALIDATION_ERROR (and field-bound CONFLICTs); a reason code otherwise. */
  details?: FieldError[] | string;
  retryAfter?: number;
  requestId?: string;
}

export type ApiResult<T> = { success: true; data: T } | { success: false; error: ApiError };

/** The seed's default English messages, per code. */
export const defaultErrorMessages: Record<ErrorCode, string> = {
  VALIDATION_ERROR: 'Validation failed',
  UNAUTHORIZED: 'Authentication required',
  FORBIDDEN: "You don't have permission to access this resource",
  NOT_FOUND: 'Resource not found',
  CONFLICT: 'Resource already exists',
  UNPROCESSABLE_ENTITY: 'Unable to process request',
  RATE_LIMIT_EXCEEDED: 'Too many requests',
  INTERNAL_ERROR: 'An unexpected error occurred',
  SERVICE_UNAVAILABLE: 'Service temporarily unavailable',
};

/** Reasons given in `details` when the code alone does not say enough. */
export const errorReasons = {
  invalidCredentials: 'invalid_credentials',
  accountInactive: 'account_inactive',
  sessionExpired: 'session_expired',
  setupDone: 'setup_done',
  setupRequired: 'setup_required',
  tooManyAttempts: 'too_many_attempts',
  tooManyRequests: 'too_many_requests',
  /** First-run setup from another computer needs the code the host printed at start. */
  setupCodeRequired: 'setup_code_required',
  setupCodeInvalid: 'setup_code_invalid',
  /** First-run setup is accepted only on the host computer itself. */
  setupLocalOnly: 'setup_local_only',
  /** The call exists only in demo mode. */
  demoOnly: 'demo_only',
  /** A pairing code needs the number to be waiting to be linked (showing a QR). */
  numberNotWaiting: 'number_not_waiting',
  /** Demo mode: the simulated customer has nothing to act on (no message to quote, edit or react to), or the number is not ready. */
  demoNothingToAct: 'demo_nothing_to_act',
  /** The number was removed; its conversations can be read but not answered from it. */
  numberRemoved: 'number_removed',
  /** Only a failed message can be sent again. */
  notFailed: 'not_failed',
  /** WhatsApp refused to give a pairing code (the phone number is not on WhatsApp, or too many tries). */
  pairingRefused: 'pairing_refused',
  /** A template switched off by a supervisor cannot be sent. */
  templateInactive: 'template_inactive',
  /** An agent reached a WhatsApp number they do not work (not its owner, not one of its agents). */
  numberNotAllowed: 'number_not_allowed',
  /** An agent reached a customer who has no conversation on a number they work. */
  contactNotAllowed: 'contact_not_allowed',
  /** An agent may take back only their own notes. */
  notNoteAuthor: 'not_note_author',
  /** An agent may change only the viewings they show. */
  notViewingAgent: 'not_viewing_agent',
  /** Agents book viewings for themselves only. */
  bookOthersViewing: 'book_others_viewing',
  /** The offer was already answered (accepted, rejected, withdrawn or expired). */
  offerNotOpen: 'offer_not_open',
  /** The offer's last day is over; it expires at the office's midnight. */
  offerExpired: 'offer_expired',
  /** An accepted offer is taken back only by a supervisor or admin (offers.undoAcceptance). */
  offerAccepted: 'offer_accepted',
  /** The property is sold, rented or off the market: no offer on it can be accepted. */
  propertyUnavailable: 'property_unavailable',
  /** An issued invoice, credit or debit note never changes and is never deleted (ZATCA). */
  documentIssued: 'document_issued',
  /** Issuing needs the seller's name in Settings → Office → VAT. */
  sellerNotSet: 'seller_not_set',
  /** A credit or debit note cites an issued invoice, not a draft or another note. */
  originalNotIssued: 'original_not_issued',
  /** A draft has no PDF: it is printed once issued. */
  documentNotIssued: 'document_not_issued',
  /** No Chromium was found to print the PDF with (set the WhatsApp browser in Settings → Desktop, or install Chrome/Chromium). */
  printerMissing: 'printer_missing',
  /** The customer has no conversation on a number the caller works: there is no chat to send the document to. */
  noChat: 'no_chat',
  /** An invoice archive is being exported already: one at a time. */
  archiveRunning: 'archive_running',
  /** No document was issued on the office days asked for: there is nothing to archive. */
  nothingToArchive: 'nothing_to_archive',
} as const;
