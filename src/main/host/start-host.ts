import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCore, type CoreOptions } from '../core/create-core';
import { seedRateLimits } from '../rpc/rate-limiter';
import type { SocketLimits } from './socket-limits';
import { attachSocketServer, type SocketStats } from './socket-server';
import { createStaticHandler } from './static-files';

export interface StartHostOptions extends Omit<CoreOptions, 'rateLimits'> {
  rendererDir: string;
  port: number;
  /** Listen on every interface so agents on the office network can open the inbox. */
  lan: boolean;
  /** Frame size, unread-output cap and heartbeat; the defaults suit an office. */
  socketLimits?: SocketLimits;
}

export interface RunningHost {
  url: string;
  port: number;
  /** What its sockets have cost so far (peak unread output, calls answered). */
  socketStats(): SocketStats;
  stop(): Promise<void>;
}

/** The host shell: the same core as the desktop, its renderer over HTTP and its contract over WebSocket. */
export async function startHost(options: StartHostOptions): Promise<RunningHost> {
  // The host faces a network, so it applies seed 003's per-user rate limits.
  const { socketLimits, ...coreOptions } = options;
  const core = createCore({ ...coreOptions, rateLimits: seedRateLimits });
  const server = http.createServer(createStaticHandler(options.rendererDir, core.logger));
  const sockets = attachSocketServer(server, core, socketLimits);
  const bindAddress = options.lan ? '0.0.0.0' : '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, bindAddress, resolve);
    });
  } catch (error) {
    sockets.close();
    await core.close();
    throw error;
  }
  // After start-up a server error (say, out of file handles on accept) is logged, not thrown.
  server.on('error', (error) => core.logger.error('host server error', { error: error.message }));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    socketStats: () => sockets.stats(),
    async stop() {
      sockets.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await core.close();
    },
  };
}
