import type { IpcRenderer, IpcRendererEvent } from 'electron';
import type { ChannelName, EventName, Events } from '../shared/contract';
import { channelNames, isEventName } from '../shared/names';
import { ipcEventChannel } from '../shared/wire';
import type { MerasBridge } from './api';

type IpcRendererLike = Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>;

/**
 * `window.meras`: one function per contract channel and a subscription to contract events.
 * Nothing else crosses the bridge: no ipcRenderer, no invoke-any-channel.
 */
export function createBridge(ipc: IpcRendererLike): MerasBridge {
  const channels = Object.fromEntries(
    channelNames.map((name) => [name, (input: unknown, token: string | undefined) => ipc.invoke(name, input, token)]),
  ) as Record<ChannelName, MerasBridge['channels'][ChannelName]>;

  function onEvent<E extends EventName>(event: E, listener: (data: Events[E]) => void): () => void {
    if (!isEventName(event)) throw new TypeError(`Unknown event '${String(event).slice(0, 64)}'`);
    const relay = (_ipcEvent: IpcRendererEvent, message: unknown) => {
      if (isEventMessage(message) && message.event === event) listener(message.data as Events[E]);
    };
    ipc.on(ipcEventChannel, relay);
    return () => {
      ipc.removeListener(ipcEventChannel, relay);
    };
  }

  return { channels, onEvent };
}

function isEventMessage(message: unknown): message is { event: string; data: unknown } {
  return typeof message === 'object' && message !== null && typeof (message as { event?: unknown }).event === 'string';
}
