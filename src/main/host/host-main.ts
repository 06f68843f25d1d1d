import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { consoleLogger } from '../base/logger';
import { offsetClock } from '../base/offset-clock';
import { defaultDataDir, resolveDataDir } from '../core/default-data-dir';
import { parseHostOptions } from './cli-options';
import { installProcessGuard } from '../base/process-guard';
import { startHost, type RunningHost } from './start-host';
import { whatsappOptions } from '../core/whatsapp-options';
import { chromiumPrinter } from '../services/invoices/pdf/chromium-printer';
import { hostChromium } from './host-chromium';

/** `npm run host`: the plain-Node shell. Built to out/main/host.js, beside the renderer in out/renderer. */
async function main(): Promise<void> {
  let options;
  try {
    options = parseHostOptions(process.argv.slice(2));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(2);
  }
  const dataDir = resolveDataDir({ cliValue: options.dataDir, env: process.env, cwd: process.cwd(), fallback: () => defaultDataDir() });
  const host = await startHost({
    dataDir,
    migrationsDir: path.resolve(__dirname, '../../drizzle'),
    rendererDir: path.resolve(__dirname, '../renderer'),
    port: options.port,
    lan: options.lan,
    lanInsecure: options.lanInsecure,
    ...(options.tlsCert && options.tlsKey ? { tlsFiles: { certPath: path.resolve(options.tlsCert), keyPath: path.resolve(options.tlsKey) } } : {}),
    logger: consoleLogger,
    version: hostVersion(),
    whatsapp: whatsappOptions({ demo: options.demo, logger: consoleLogger }),
    invoicePrinter: chromiumPrinter(() => hostChromium()),
    ...(options.graphBaseUrl ? { graphBaseUrl: options.graphBaseUrl } : {}),
    // Demo mode's clock can be moved forward (demo.advanceClock) to show what happens later.
    ...(options.demo ? { clock: offsetClock() } : {}),
  });
  installProcessGuard(consoleLogger);
  console.log(`Meras Desk is ready at ${host.url}`);
  if (options.lan) printLanAccess(host);
  console.log(`Data folder: ${dataDir}`);
  if (options.demo) console.log('Demo mode: WhatsApp is simulated; demo data is created in this data folder.');

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    // The process guard keeps a failed stop from ending the process, so the stop ends it itself,
    // and a stop that hangs cannot keep the port and the database open.
    setTimeout(() => process.exit(1), 10_000).unref();
    try {
      await host.stop();
    } catch (error) {
      consoleLogger.error('the host did not stop cleanly', { error: error instanceof Error ? error.stack : String(error) });
      process.exit(1);
    }
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The version in package.json beside the built app (out/main/host.js → ../../package.json). */
function hostVersion(): string {
  try {
    return (JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** What the person starting the host needs to tell the office: where, how to check it, how to claim it. */
function printLanAccess(host: RunningHost): void {
  const scheme = host.certificate ? 'https' : 'http';
  for (const address of lanAddresses()) console.log(`On the office network: ${scheme}://${address}:${host.port}`);
  if (host.certificate) {
    const origin = host.certificate.source === 'generated' ? 'generated for this computer, kept in the data folder' : 'the office\'s own';
    console.log(`Certificate (${origin}) SHA-256 fingerprint:\n  ${host.certificate.fingerprint256}`);
    console.log('Agents: check that your browser shows this fingerprint before you sign in.');
  } else {
    console.log('WARNING: --lan-insecure: passwords and messages cross the office network unencrypted.');
  }
  const code = host.setupCode();
  if (code) console.log(`First-run setup code (for setting up the first admin from another computer, works once): ${code}`);
}

function lanAddresses(): string[] {
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a): a is os.NetworkInterfaceInfo => !!a && a.family === 'IPv4' && !a.internal)
    .map((a) => a.address);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Meras Desk host could not start: ${message}`);
  process.exit(1);
});
