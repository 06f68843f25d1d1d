import fs from 'node:fs';
import path from 'node:path';
import WebSocket from 'ws';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import type { ApiResult } from '../../shared/errors';
import type { ServerMessage } from '../../shared/wire';
import type { RunningHost } from '../host/start-host';
import { tempDir } from './test-core';

/** A renderer folder with just enough in it for the host to serve. */
export function rendererFixture(): string {
  const dir = tempDir('meras-renderer-');
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Meras Desk</title>');
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}

/** A browser tab's socket to a running host: calls by id, events recorded. */
export async function openSocket(host: RunningHost, origin = host.url) {
  return openTab(host.url, { origin });
}

/** The same for a host reached by URL, over wss with the certificate to trust when it serves TLS. */
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
  /** Closes the tab and waits until its socket is closed on this side. */
  const close = () =>
    new Promise<void>((resolve) => {
      if (socket.readyState === socket.CLOSED) return resolve();
      socket.once('close', () => resolve());
      socket.close();
    });
  return { socket, events, call, close };
}
