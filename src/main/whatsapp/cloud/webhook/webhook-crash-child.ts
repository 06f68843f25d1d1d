/**
 * The host's HTTP side in a process of its own, for the crash test: the core and the handler
 * `startHost` serves (`mountApi`) on a loopback port it prints. With `holdProcessing` the
 * receiver stores and answers but processes nothing, so the SIGKILL lands between the 200 and
 * the processing, the window a crash must not lose.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mountApi } from '../../../api/mount-api';
import { silentLogger } from '../../../base/logger';
import { createCore } from '../../../core/create-core';

export interface CloudCrashChildConfig {
  dataDir: string;
  migrationsDir: string;
  holdProcessing: boolean;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as CloudCrashChildConfig;
  const core = createCore({ dataDir: config.dataDir, migrationsDir: config.migrationsDir, logger: silentLogger });
  if (config.holdProcessing) core.whatsapp.cloudWebhook.receiver.close();
  const api = mountApi(core, (_req, res) => (res.writeHead(404), res.end()));
  const server = http.createServer(api.handler);
  // A child the test kills: a listening failure ends it loudly rather than hanging the test.
  server.on('error', (error) => {
    process.stderr.write(`${String(error)}\n`);
    process.exit(1);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.stdout.write(`listening ${(server.address() as AddressInfo).port}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
