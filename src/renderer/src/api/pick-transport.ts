import { createIpcTransport } from './ipc-transport';
import type { Transport } from './transport';
import { createWsTransport } from './ws-transport';

/** Inside Electron the preload exposes `window.meras`; anywhere else we are served by the host. */
export function pickTransport(): Transport {
  return window.meras ? createIpcTransport(window.meras) : createWsTransport();
}
