import WebSocket from 'ws';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import type { ApiResult } from '../../shared/errors';
import type { ServerMessage } from '../../shared/wire';

/** A browser tab's socket to a running host: calls by id, events recorded. */
export async function openTab(baseUrl: string, options: { origin?: string; ca?: string | Buffer; rejectUnauthorized?: boolean } = {}) {
  const { origin = baseUrl, ...tls } = options;
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ws`, { origin, ...tls });
  const events: ServerMessage[] = [];
  const pending = new Map<number, (r: ApiResult<unknown>) => void>();
  socket.on('message', (raw) => {
    const message = JSON.parse(String(raw)) as ServerMessage;
    if (message.type === 'result') pending.get(message.id)?.(message.result);
    else events.push(message);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const call = <C extends ChannelName>(channel: C, input: ChannelInput<C> | unknown, token?: string) =>
    new Promise<ApiResult<ChannelOutput<C>>>((resolve) => {
      const id = nextId++;
      pending.set(id, resolve as (r: ApiResult<unknown>) => void);
      socket.send(JSON.stringify({ type: 'call', id, channel, input, ...(token ? { token } : {}) }));
    });
  return { socket, events, call, close: () => socket.close() };
}
