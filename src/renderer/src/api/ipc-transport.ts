import { eventNames, isChannelName } from '../../../shared/names';
import type { MerasBridge } from '../../../preload/api';
import { connectionLost, failure, type Transport } from './transport';

/** The Electron shell: one preload function per channel, events pushed over IPC. */
export function createIpcTransport(bridge: MerasBridge): Transport {
  return {
    async call(channel, input, token) {
      if (!isChannelName(channel)) return failure('NOT_FOUND', `Unknown channel '${channel}'`);
      try {
        return await bridge.channels[channel](input, token);
      } catch {
        // The main process went away or the bridge threw: the same answer a dropped socket gives.
        return connectionLost();
      }
    },
    subscribe(listener) {
      const unsubscribes = eventNames.map((name) => bridge.onEvent(name, (data) => listener(name, data)));
      return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
    },
  };
}
