import type { ChannelName, EventName, Events } from '../shared/contract';
import type { ApiResult } from '../shared/errors';

/**
 * What the preload exposes as `window.meras`: one function per contract channel and a
 * subscription to contract events. Nothing else (no ipcRenderer, no generic invoke).
 */
export interface MerasBridge {
  channels: { [C in ChannelName]: (input: unknown, token: string | undefined) => Promise<ApiResult<unknown>> };
  onEvent<E extends EventName>(event: E, listener: (data: Events[E]) => void): () => void;
}

declare global {
  interface Window {
    meras?: MerasBridge;
  }
}
