import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { ApiSettings } from '../../shared/integrations/types';
import type { Core } from '../core/create-core';
import { loadOrCreateCertificate } from '../host/tls-certificate';
import { mountApi } from './mount-api';

export interface ApiListener {
  /** Where it listens now, or null while the API is off. */
  address(): { port: number; host: string; tls: boolean } | null;
  /** Settles once the listener matches the settings (after a start or a change). */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The desktop app's REST API: its own server, off until an admin turns it on, on 127.0.0.1
 * unless the office network is allowed, and then over HTTPS with the data folder's
 * certificate (a key must not cross the network in clear). It follows the settings as they change.
 */
export function startApiListener(core: Core, dataDir: string): ApiListener {
  let server: http.Server | undefined;
  let api: ReturnType<typeof mountApi> | undefined;
  let current: { port: number; host: string; tls: boolean } | null = null;
  let chain: Promise<void> = Promise.resolve();

  async function stop(): Promise<void> {
    const s = server;
    server = undefined;
    current = null;
    api?.close();
    api = undefined;
    if (!s) return;
    s.closeAllConnections();
    await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  async function apply(settings: ApiSettings): Promise<void> {
    await stop();
    if (!settings.enabled) return;
    const host = settings.lan ? '0.0.0.0' : '127.0.0.1';
    api = mountApi(core, (_req, res) => res.writeHead(404).end());
    const certificate = settings.lan ? await loadOrCreateCertificate(dataDir) : undefined;
    const s = certificate ? https.createServer({ cert: certificate.cert, key: certificate.key }, api.handler) : http.createServer(api.handler);
    // Slow or half-open clients: headers within 10 s, a whole request within 2 min (a 100 MB file).
    s.headersTimeout = 10_000;
    s.requestTimeout = 120_000;
    api.attach(s);
    try {
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(settings.port, host, resolve);
      });
    } catch (error) {
      core.logger.error('the API could not listen', { port: settings.port, error: String(error) });
      api.close();
      api = undefined;
      return;
    }
    s.on('error', (error) => core.logger.error('API server error', { error: error.message }));
    server = s;
    current = { port: (s.address() as AddressInfo).port, host, tls: Boolean(certificate) };
    core.logger.info('API listening', current);
    // The desktop's Cloud tunnel forwards Meta's webhooks here (the host uses its own port).
    core.setCloudOrigin(`${current.tls ? 'https' : 'http'}://127.0.0.1:${current.port}`);
  }

  const queue = (settings: ApiSettings) => (chain = chain.then(() => apply(settings)).catch((error: unknown) => core.logger.error('API listener failed', { error: String(error) })));
  queue(core.api.settings.get());
  let unsubscribe = core.api.settings.onChange(queue);
  // A restore brings other settings (and another settings object): follow them.
  const stopFollowing = core.onRestart({
    stop: () => unsubscribe(),
    start: () => {
      unsubscribe = core.api.settings.onChange(queue);
      queue(core.api.settings.get());
    },
  });
  return {
    address: () => current,
    settled: () => chain,
    async close() {
      stopFollowing();
      unsubscribe();
      await chain;
      await stop();
    },
  };
}
