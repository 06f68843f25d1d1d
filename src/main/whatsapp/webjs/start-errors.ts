import type { DisconnectReason } from '../../../shared/whatsapp';

/** A session that could not start or stopped, with the reason the number shows. */
export class TransportError extends Error {
  constructor(
    readonly reason: DisconnectReason,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
    this.name = 'TransportError';
  }
}

/** Puppeteer's and Chromium's errors, sorted into the reasons a person can act on. */
export function classifyStartError(error: unknown): TransportError {
  if (error instanceof TransportError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  if (/net::ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|ADDRESS_UNREACHABLE|CONNECTION_|NETWORK_|PROXY_|TIMED_OUT|TUNNEL)|ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT/i.test(detail)) {
    return new TransportError('unreachable', detail);
  }
  if (/No Chrome, Chromium or Edge was found|Could not find (Chrome|Chromium|expected browser)|Browser was not found|Failed to launch the browser process|spawn .* ENOENT|no usable sandbox/i.test(detail)) {
    return new TransportError('browser_missing', detail);
  }
  if (/Target closed|Session closed|Protocol error|browser has disconnected|Navigating frame was detached|Execution context was destroyed/i.test(detail)) {
    return new TransportError('browser_crashed', detail);
  }
  if (/auth timeout|ready timeout/i.test(detail)) return new TransportError('hung', detail);
  return new TransportError('error', detail);
}

/**
 * whatsapp-web.js's `disconnected` reasons: 'LOGOUT' (the phone unlinked us), 'Max qrcode retries
 * reached', or the WAState that made it give up (Client.js onAppStateChangedEvent: every state
 * but CONNECTED, OPENING, PAIRING and TIMEOUT).
 */
export function reasonForDisconnect(reason: string): DisconnectReason {
  if (reason === 'LOGOUT' || reason === 'UNPAIRED' || reason === 'UNPAIRED_IDLE') return 'logged_out';
  if (reason === 'CONFLICT') return 'conflict';
  if (reason === 'TOS_BLOCK' || reason === 'SMB_TOS_BLOCK') return 'banned';
  if (reason === 'DEPRECATED_VERSION') return 'update_required';
  if (reason === 'PROXYBLOCK') return 'network_blocked';
  if (/max qrcode retries/i.test(reason)) return 'qr_timeout';
  if (reason === 'NAVIGATION') return 'browser_crashed';
  return 'error';
}
