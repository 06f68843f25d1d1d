import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';
import { eventually, fastCatchUpPolicy, fastDemoTimings, fastOutboxPolicy, fastSessionPolicy, startTestCore, tempDir } from '../testing/test-core';
import type { WebjsClientFactory } from '../whatsapp/webjs/client-surface';
import type { DemoTimings } from '../whatsapp/demo/demo-client';
import { createDemoClientFactory } from '../whatsapp/demo/demo-client-factory';
import type { DemoWorld } from '../whatsapp/demo/demo-world';

/**
 * For crash tests: the core runs in a child process (crash-child.ts, bundled once per file)
 * that the test kills with SIGKILL; WhatsApp's side (the demo world) lives in a journal file,
 * as a phone outlives the app, and a core started in the test process takes over after.
 */
export async function buildCrashChild(entry = path.join(__dirname, 'crash-child.ts')): Promise<string> {
  const bundle = path.join(tempDir('meras-crash-build-'), 'crash-child.cjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    outfile: bundle,
    external: ['better-sqlite3', 'whatsapp-web.js', 'node-cron'],
    logLevel: 'silent',
  });
  return bundle;
}

export interface CrashChildConfig {
  dataDir: string;
  migrationsDir: string;
  journalFile: string;
  conversationId: number;
  email: string;
  password: string;
  sends: number;
  timings?: Partial<DemoTimings>;
}

/** Starts the child; `output()` is everything it printed so far. Killed with SIGKILL by `kill()`. */
export function spawnCrashChild(bundle: string, config: CrashChildConfig | Record<string, unknown>) {
  const child: ChildProcess = spawn(process.execPath, [bundle, JSON.stringify(config)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The bundle lives in a temp folder; its externals come from the project's node_modules.
    env: { ...process.env, NODE_PATH: path.resolve(__dirname, '../../../node_modules') },
  });
  let output = '';
  // A child that cannot start says so in the output the test shows, instead of an unhandled error.
  child.on('error', (error) => (output += `spawn failed: ${error.message}\n`));
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    output: () => output,
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
export type CrashChild = ReturnType<typeof spawnCrashChild>;

/** A core in the test process on the shared data folder and world; `wrap` may change the Clients it makes. */
export function coreOnWorld(world: DemoWorld, dataDir: string, wrap: (factory: WebjsClientFactory) => WebjsClientFactory = (f) => f) {
  const factory = createDemoClientFactory({ world, customers: false, timings: fastDemoTimings });
  return startTestCore({
    dataDir,
    whatsapp: { factory: wrap(factory), demo: factory, sessionPolicy: fastSessionPolicy, outboxPolicy: fastOutboxPolicy, catchUpPolicy: fastCatchUpPolicy, restoreSessions: true },
  });
}

/** An admin links a number to the demo phone and a first customer writes; the core is closed after. */
export async function linkedOffice(world: DemoWorld, outside: DemoWorld, dataDir: string) {
  const t = coreOnWorld(world, dataDir);
  const admin = await t.setupAdmin();
  const number = await t.call('numbers.create', { name: 'Sales' }, admin.token);
  await t.call('numbers.connect', { id: number.id }, admin.token);
  await eventually(async () => {
    if ((await t.call('numbers.list', {}, admin.token))[0]?.connection.state !== 'QR_GENERATED') throw new Error('no QR yet');
  });
  await t.call('numbers.demoScan', { id: number.id }, admin.token);
  await eventually(() => t.core.whatsapp.sessions.isConnected(number.id));
  const phone = `${(await t.call('numbers.list', {}, admin.token))[0]!.phoneNumber!.replace('+', '')}@c.us`;
  outside.deliverInbound(phone, { from: '966501000000', body: 'first', profileName: 'Customer 0' });
  const conversation = await eventually(async () => {
    const [first] = (await t.call('conversations.list', {}, admin.token)).data;
    if (!first) throw new Error('no conversation yet');
    return first;
  });
  await t.close();
  return { number, phone, conversationId: conversation.id, email: 'admin@office.test', password: 'admin-pass-123' };
}
