/**
 * A number's live connection, in seed 000's status names (`INITIALIZING`, `QR_GENERATED`,
 * `CONNECTED`, `DISCONNECTED`), and why it is disconnected.
 */
export const connectionStates = ['INITIALIZING', 'QR_GENERATED', 'CONNECTED', 'DISCONNECTED'] as const;
export type ConnectionState = (typeof connectionStates)[number];

/** Each reason has an Arabic and English text in the renderer's dictionaries. */
export const disconnectReasons = [
  /** Never linked, or the user stopped it: nothing is wrong. */
  'not_started',
  'stopped',
  /** WhatsApp Web could not be reached (no internet, DNS down, proxy). Retried with backoff. */
  'unreachable',
  /** No Chrome, Chromium or Edge was found to run the session in. */
  'browser_missing',
  /** The browser died or closed under the session. Restarted with backoff. */
  'browser_crashed',
  /** No ready within the time limit. Restarted with backoff. */
  'hung',
  /** The QR was shown for a few rounds and nobody scanned it. */
  'qr_timeout',
  /** The phone unlinked this device, or the user logged out. A new QR is needed. */
  'logged_out',
  /** The saved session was refused; a new QR is needed. */
  'auth_failure',
  /**
   * WhatsApp Web was opened with this number on another computer (`CONFLICT`) again, after we
   * had already taken the session back once: we stop rather than fight over it.
   */
  'conflict',
  /** WhatsApp blocked the number for breaking its terms (`TOS_BLOCK`, `SMB_TOS_BLOCK`). Never retried. */
  'banned',
  /** WhatsApp says this WhatsApp Web is too old (`DEPRECATED_VERSION`). Waits for the admin, no retry loop. */
  'update_required',
  /** WhatsApp refuses connections from this network or proxy (`PROXYBLOCK`). Retried with backoff. */
  'network_blocked',
  /** The phone that was linked is already another number of the office; this link was undone. */
  'phone_in_use',
  /** A Cloud API number whose access token Meta refused (error 190): waits for a new token. */
  'token_expired',
  /** Anything else, with its detail. Retried with backoff. */
  'error',
] as const;
export type DisconnectReason = (typeof disconnectReasons)[number];

/** Reasons after which the session retries by itself; the others wait for the user. */
export const retriedReasons: readonly DisconnectReason[] = ['unreachable', 'network_blocked', 'browser_crashed', 'hung', 'error'];

/**
 * Something to say about a session that is up or coming up:
 * `reconnecting`: connected, but WhatsApp's link to its servers dropped (`TIMEOUT`, `OPENING`) and is being restored;
 * `took_over`: WhatsApp Web had been opened elsewhere with this number and we took the session back (once);
 * `phone_logged_out`: the phone unlinked this device, so a fresh QR is offered without pressing Link.
 */
export const connectionNotices = ['reconnecting', 'took_over', 'phone_logged_out'] as const;
export type ConnectionNotice = (typeof connectionNotices)[number];
