/**
 * The app's core in a process of its own, for the crash test: it restores the linked demo
 * number from a shared world journal, takes in whatever customers write, queues a burst of
 * answers, and reports each step on stdout until the test kills it with SIGKILL.
 */
import { createCore } from '../core/create-core';
import { silentLogger } from '../base/logger';
import { fastCatchUpPolicy, fastDemoTimings, fastOutboxPolicy, fastSessionPolicy } from '../testing/test-core';
import { createDemoClientFactory } from '../whatsapp/demo/demo-client-factory';
import type { DemoTimings } from '../whatsapp/demo/demo-client';
import { DemoWorld } from '../whatsapp/demo/demo-world';

interface ChildConfig {
  dataDir: string;
  migrationsDir: string;
  journalFile: string;
  conversationId: number;
  email: string;
  password: string;
  sends: number;
  /** The demo's send timings, to hold a send on its way to WhatsApp or before it reports back. */
  timings?: Partial<DemoTimings>;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
  const world = new DemoWorld({ journalFile: config.journalFile, pollJournalMs: 5 });
  // Sends take a moment, as on WhatsApp: the kill can land before a message reaches WhatsApp,
  // or after it did but before the app recorded it.
  const timings = { ...fastDemoTimings, transitMs: 20, sendMs: 20, ...config.timings };
  const factory = createDemoClientFactory({ world, customers: false, timings });
  const core = createCore({
    dataDir: config.dataDir,
    migrationsDir: config.migrationsDir,
    logger: silentLogger,
    whatsapp: {
      factory,
      demo: factory,
      sessionPolicy: fastSessionPolicy,
      // Paced a little, so the kill lands between sends.
      outboxPolicy: { ...fastOutboxPolicy, paceMs: 5 },
      catchUpPolicy: fastCatchUpPolicy,
      restoreSessions: true,
    },
  });
  core.bus.subscribe(({ event, data }) => {
    if (event === 'message.new') process.stdout.write(`new ${(data as { message: { sender: string } }).message.sender}\n`);
    if (event === 'message.status') process.stdout.write(`status ${(data as { status: string }).status}\n`);
    if (event === 'number.status') process.stdout.write(`number ${(data as { number: { connection: { state: string } } }).number.connection.state}\n`);
  });
  const signIn = await core.router.call('auth.signIn', { email: config.email, password: config.password }, { clientKey: 'crash' });
  if (!signIn.result.success) throw new Error('sign-in failed');
  const token = (signIn.result.data as { token: string }).token;
  for (let i = 1; i <= config.sends; i++) {
    const sent = await core.router.call('messages.send', { conversationId: config.conversationId, content: `answer ${i}` }, { clientKey: 'crash', token });
    if (!sent.result.success) throw new Error(`send ${i} failed`);
  }
  process.stdout.write('queued\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
