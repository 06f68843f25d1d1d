import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { ConnectionInfo } from '../../shared/app/types';
import { createCore, type CoreOptions } from '../core/create-core';
import { seedRateLimits } from '../rpc/rate-limiter';
import type { SocketLimits } from './socket-limits';
import { attachSocketServer, type SocketStats } from './socket-server';
import { createStaticHandler } from './static-files';
import { mountApi } from '../api/mount-api';
import { loadOrCreateCertificate, readProvidedCertificate, type HostCertificate } from './tls-certificate';

export interface StartHostOptions extends Omit<CoreOptions, 'rateLimits' | 'remoteSetup' | 'connection'> {
  rendererDir: string;
  port: number;
  /** Listen on every interface so agents on the office network can open the inbox (over HTTPS). */
  lan: boolean;
  /** On the network over plain HTTP, by explicit choice (`--lan-insecure`); the app shows a warning. */
  lanInsecure?: boolean;
  /** The office's own certificate and key (PEM files) instead of one generated in the data folder. */
  tlsFiles?: { certPath: string; keyPath: string };
  /** Frame size, unread-output cap and heartbeat; the defaults suit an office. */
  socketLimits?: SocketLimits;
}

export interface RunningHost {
  /** This computer's own address for it (what the tests and the console use). */
  url: string;
  port: number;
  /** The certificate served, when on the network over HTTPS. */
  certificate?: HostCertificate;
  /** The one-time code for first-run setup from another computer, while no admin exists. */
  setupCode(): string | undefined;
  /** What its sockets have cost so far (peak unread output, calls answered). */
  socketStats(): SocketStats;
  stop(): Promise<void>;
}

/**
 * The host shell: the same core as the desktop, its renderer over HTTP(S) and its contract
 * over WebSocket. This computer alone: plain HTTP on 127.0.0.1. The office network: HTTPS,
 * unless plain HTTP is asked for by name.
 */
export async function startHost(options: StartHostOptions): Promise<RunningHost> {
  const { lan, lanInsecure = false, tlsFiles, socketLimits, ...coreOptions } = options;
  const certificate = lan && !lanInsecure ? await certificateFor(options) : undefined;
  const connection: ConnectionInfo | undefined = !lan
    ? undefined
    : certificate
      ? { security: 'tls', fingerprint256: certificate.fingerprint256 }
      : { security: 'insecure' };
  // The host faces a network, so it applies seed 003's per-user rate limits.
  const core = createCore({ ...coreOptions, rateLimits: seedRateLimits, remoteSetup: lan, ...(connection ? { connection } : {}) });
  const api = mountApi(core, createStaticHandler(options.rendererDir, core.logger));
  const server = certificate ? https.createServer({ cert: certificate.cert, key: certificate.key }, api.handler) : http.createServer(api.handler);
  api.attach(server);
  const sockets = attachSocketServer(server, core, socketLimits);
  const bindAddress = lan ? '0.0.0.0' : '127.0.0.1';
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port, bindAddress, resolve);
    });
  } catch (error) {
    sockets.close();
    api.close();
    await core.close();
    throw error;
  }
  // After start-up a server error (say, out of file handles on accept) is logged, not thrown.
  server.on('error', (error) => core.logger.error('host server error', { error: error.message }));
  const { port } = server.address() as AddressInfo;
  // A Cloud tunnel forwards Meta's webhooks to this computer's own address of the host.
  core.setCloudOrigin(`${certificate ? 'https' : 'http'}://127.0.0.1:${port}`);
  return {
    url: `${certificate ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    ...(certificate ? { certificate } : {}),
    setupCode: () => core.pendingSetupCode(),
    socketStats: () => sockets.stats(),
    async stop() {
      sockets.close();
      api.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      // A browser still in the middle of a request must not keep the host from stopping.
      const force = setTimeout(() => server.closeAllConnections(), 2_000);
      await closed;
      clearTimeout(force);
      await core.close();
    },
  };
}

function certificateFor(options: StartHostOptions): Promise<HostCertificate> {
  if (options.tlsFiles) return Promise.resolve(readProvidedCertificate(options.tlsFiles.certPath, options.tlsFiles.keyPath));
  return loadOrCreateCertificate(options.dataDir);
}
